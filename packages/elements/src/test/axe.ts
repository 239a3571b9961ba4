import axe from 'axe-core';
import { expect } from 'vitest';

/** Runs axe (WCAG 2.0–2.2 A/AA) on `el` and fails with a readable list of violations. */
export async function expectNoAxeViolations(el: Element): Promise<void> {
  const result = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    rules: { region: { enabled: false } },
  });
  const summary = result.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}
