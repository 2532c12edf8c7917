// Where things go on the marks canvas so every count stays legible. Address clusters sit where the
// server put them; an open-lapse mark that touches a cluster becomes a small badge on that cluster's
// rim (its count summed into the badge) instead of a square over the cluster's count; badges and
// okrug labels are then slid to the first free spot that covers no count and no other badge.
// Pure geometry in container pixels, so it is unit-tested without a browser.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** An address mark: a cluster (with the box of its count) or a single worker (no label). */
export interface Anchor {
  x: number;
  y: number;
  r: number;
  label: Box | null;
}

/** An open-lapse mark as it would be drawn on its own: a disc that covers its footprint. */
export interface LapseMark {
  x: number;
  y: number;
  r: number;
  count: number;
  /** The box of its own count when drawn standalone (lapse groups), null for pins. */
  label: Box | null;
}

export interface OkrugLabel {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Layout {
  /** Per lapse mark: the index of the cluster it was merged into, or -1 when drawn on its own. */
  attachedTo: number[];
  /** Per anchor: the summed count of merged lapses and where its badge goes (null: no badge). */
  badges: Array<{ count: number; box: Box } | null>;
  /** Per anchor: merged lapses with no free spot for a badge (crowded low zooms), drawn as a ring. */
  rings: number[];
  /** Per okrug label: where it is drawn (its top-left box). */
  okrugs: Box[];
}

export const BADGE_HEIGHT = 16;
const BADGE_PAD = 5;
// Top-right first (where people look for a notification badge), then the other corners and sides.
const BADGE_ANGLES = [-50, -130, 50, 130, -90, 90, 0, 180].map((deg) => (deg * Math.PI) / 180);
const BADGE_GAPS = [0, 3, 7, 12];
const LABEL_STEPS = [0, 14, 24, 36, 50, 68];

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function boxHitsDisc(box: Box, d: { x: number; y: number; r: number }): boolean {
  const cx = Math.max(box.x, Math.min(d.x, box.x + box.w));
  const cy = Math.max(box.y, Math.min(d.y, box.y + box.h));
  return (cx - d.x) ** 2 + (cy - d.y) ** 2 < d.r * d.r;
}

/** The box of a count label of the given text width centred on a point. */
export function labelBox(x: number, y: number, width: number, height: number): Box {
  return { x: x - width / 2 - 1, y: y - height / 2 - 1, w: width + 2, h: height + 2 };
}

export function badgeWidth(textWidth: number): number {
  return Math.max(BADGE_HEIGHT, textWidth + BADGE_PAD * 2);
}

/** The cluster a lapse mark touches (nearest relative to its size), or -1. Singles never take one. */
function findHost(lapse: LapseMark, anchors: readonly Anchor[]): number {
  let best = -1;
  let bestScore = Infinity;
  anchors.forEach((a, i) => {
    if (!a.label) return;
    const d = Math.hypot(a.x - lapse.x, a.y - lapse.y);
    if (d >= a.r + lapse.r) return;
    const score = d / a.r;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

export function layoutMarks(
  anchors: readonly Anchor[],
  lapses: readonly LapseMark[],
  okrugs: readonly OkrugLabel[],
  measureBadge: (count: number) => number,
): Layout {
  const attachedTo = lapses.map((l) => findHost(l, anchors));
  const merged = anchors.map(() => 0);
  attachedTo.forEach((host, i) => {
    if (host >= 0) merged[host] = (merged[host] ?? 0) + (lapses[i]?.count ?? 0);
  });

  // Counts nobody may cover: cluster counts and the counts of lapse groups drawn on their own.
  const counts: Box[] = anchors.flatMap((a) => (a.label ? [a.label] : []));
  lapses.forEach((l, i) => {
    if (attachedTo[i] === -1 && l.label) counts.push(l.label);
  });
  const taken: Box[] = [...counts];

  const badges = anchors.map((a, i) => {
    const count = merged[i] ?? 0;
    if (count === 0) return null;
    const w = measureBadge(count);
    // No spot clear of every count: a ring round the cluster says "lapses here" without hiding a
    // number, and the tooltip still gives the count.
    const box = placeBadge(a, w, taken);
    if (!box) return null;
    taken.push(box);
    return { count, box };
  });
  const rings = anchors.map((_, i) => (badges[i] ? 0 : (merged[i] ?? 0)));

  const discs = [
    ...anchors,
    ...lapses.filter((_, i) => attachedTo[i] === -1).map((l) => ({ x: l.x, y: l.y, r: l.r })),
  ];
  const placed: Box[] = [];
  const okrugBoxes = okrugs.map((o) => {
    const box = placeLabel(o, discs, [...taken, ...placed]);
    placed.push(box);
    return box;
  });
  return { attachedTo, badges, rings, okrugs: okrugBoxes };
}

function badgeAt(a: Anchor, w: number, angle: number, gap: number): Box {
  const d = a.r + gap;
  const cx = a.x + Math.cos(angle) * d;
  const cy = a.y + Math.sin(angle) * d;
  return { x: cx - w / 2, y: cy - BADGE_HEIGHT / 2, w, h: BADGE_HEIGHT };
}

function placeBadge(a: Anchor, w: number, taken: readonly Box[]): Box | null {
  for (const gap of BADGE_GAPS) {
    for (const angle of BADGE_ANGLES) {
      const box = badgeAt(a, w, angle, gap);
      if (!taken.some((t) => intersects(t, box))) return box;
    }
  }
  return null;
}

function labelCandidates(o: OkrugLabel): Box[] {
  const out: Box[] = [];
  for (const step of LABEL_STEPS) {
    const offsets: Array<[number, number]> =
      step === 0
        ? [[0, 0]]
        : [
            [0, -step],
            [0, step],
            [step * 1.6, 0],
            [-step * 1.6, 0],
            [step * 1.2, -step],
            [-step * 1.2, -step],
            [step * 1.2, step],
            [-step * 1.2, step],
          ];
    for (const [dx, dy] of offsets)
      out.push({ x: o.x - o.w / 2 + dx, y: o.y - o.h / 2 + dy, w: o.w, h: o.h });
  }
  return out;
}

/** First spot clear of every mark; failing that, the first that covers no count or badge. */
function placeLabel(
  o: OkrugLabel,
  discs: ReadonlyArray<{ x: number; y: number; r: number }>,
  boxes: readonly Box[],
): Box {
  const candidates = labelCandidates(o);
  const clearOfBoxes = (b: Box) => !boxes.some((t) => intersects(t, b));
  return (
    candidates.find((b) => clearOfBoxes(b) && !discs.some((d) => boxHitsDisc(b, d))) ??
    candidates.find(clearOfBoxes) ??
    candidates[0] ?? { x: o.x, y: o.y, w: o.w, h: o.h }
  );
}
