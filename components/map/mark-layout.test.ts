import { describe, expect, it } from 'vitest';
import { intersects, labelBox, layoutMarks, type Anchor, type LapseMark } from './mark-layout';

const measure = (count: number) => 10 + String(count).length * 6;

function cluster(x: number, y: number, r = 16, textWidth = 20): Anchor {
  return { x, y, r, label: labelBox(x, y, textWidth, 11) };
}

function lapseGroup(x: number, y: number, count: number): LapseMark {
  return { x, y, r: 12, count, label: labelBox(x, y, 14, 11) };
}

describe('layoutMarks', () => {
  it('merges a lapse group that sits on a cluster into a badge that covers no count', () => {
    const anchors = [cluster(100, 100), cluster(140, 100)];
    // Before the layout, this square sat right on the first cluster's count.
    const lapses = [lapseGroup(102, 98, 7), lapseGroup(300, 300, 2)];
    const layout = layoutMarks(anchors, lapses, [], measure);
    expect(layout.attachedTo).toEqual([0, -1]);
    const badge = layout.badges[0];
    expect(badge?.count).toBe(7);
    const counts = [...anchors.map((a) => a.label), lapses[1]?.label];
    for (const box of counts) if (box && badge) expect(intersects(box, badge.box)).toBe(false);
    expect(layout.badges[1]).toBeNull();
  });

  it('sums several lapse marks on one cluster and never gives a single worker a badge', () => {
    const anchors = [cluster(100, 100, 24), { x: 110, y: 100, r: 6, label: null }];
    const lapses = [lapseGroup(95, 95, 3), { x: 108, y: 98, r: 9, count: 1, label: null }];
    const layout = layoutMarks(anchors, lapses, [], measure);
    expect(layout.attachedTo).toEqual([0, 0]);
    expect(layout.badges[0]?.count).toBe(4);
    expect(layout.badges[1]).toBeNull();
  });

  it('keeps badges of crowded clusters off each other and off every count', () => {
    const anchors = [cluster(100, 100), cluster(128, 86), cluster(126, 118), cluster(96, 130)];
    const lapses = anchors.map((a, i) => lapseGroup(a.x, a.y, i + 1));
    const layout = layoutMarks(anchors, lapses, [], measure);
    const badges = layout.badges.flatMap((b) => (b ? [b.box] : []));
    expect(badges).toHaveLength(4);
    for (const b of badges) {
      for (const a of anchors) if (a.label) expect(intersects(a.label, b)).toBe(false);
      for (const other of badges) if (other !== b) expect(intersects(other, b)).toBe(false);
    }
  });

  it('rings a cluster whose rim has no free spot instead of covering a neighbour count', () => {
    // A tight grid of clusters (zoom 8–9 in the city centre): every rim spot lies on a count.
    const anchors: Anchor[] = [];
    for (let i = 0; i < 7; i++) for (let j = 0; j < 7; j++) anchors.push(cluster(i * 22, j * 22, 10, 30));
    const lapses = anchors.map((a) => lapseGroup(a.x, a.y, 3));
    const layout = layoutMarks(anchors, lapses, [], measure);
    const centre = 3 * 7 + 3;
    expect(layout.badges[centre]).toBeNull();
    expect(layout.rings[centre]).toBe(3);
    const badges = layout.badges.flatMap((b) => (b ? [b.box] : []));
    for (const b of badges) for (const a of anchors) if (a.label) expect(intersects(a.label, b)).toBe(false);
    layout.rings.forEach((ring, i) => expect(ring > 0).toBe(layout.badges[i] === null));
  });

  it('slides an okrug label off a cluster sitting on the okrug centre', () => {
    const anchors = [cluster(200, 200, 30)];
    const layout = layoutMarks(anchors, [], [{ x: 200, y: 200, w: 40, h: 14 }], measure);
    const box = layout.okrugs[0];
    expect(box).toBeDefined();
    if (!box) return;
    const nearest = {
      x: Math.max(box.x, Math.min(200, box.x + box.w)),
      y: Math.max(box.y, Math.min(200, box.y + box.h)),
    };
    expect(Math.hypot(nearest.x - 200, nearest.y - 200)).toBeGreaterThanOrEqual(30);
  });

  it('leaves a label where it is when nothing is in the way', () => {
    const layout = layoutMarks([cluster(0, 0)], [], [{ x: 300, y: 300, w: 40, h: 14 }], measure);
    expect(layout.okrugs[0]).toEqual({ x: 280, y: 293, w: 40, h: 14 });
  });
});
