// Accessibility check with axe-core: WCAG 2.1 A/AA rules, and the run fails on any serious or
// critical violation, listing rule ids and the offending elements so they can be fixed directly.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const BLOCKING = new Set(['serious', 'critical']);

export async function expectNoSeriousA11yViolations(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  const report = blocking
    .map((v) => {
      const targets = v.nodes
        .slice(0, 8)
        .map(
          (n) =>
            `      ${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.split('\n')[1]?.trim() ?? ''})` : ''}`,
        )
        .join('\n');
      const more = v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help}\n${targets}${more}`;
    })
    .join('\n');
  expect(
    blocking.map((v) => `${v.impact} ${v.id}`),
    `axe on "${name}" found serious/critical violations:\n${report}`,
  ).toEqual([]);
}
