import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

type Axe = { run(context: Element, options: RunOptions): Promise<AxeResults> };

/** WCAG 2.1 A and AA, plus the WCAG 2.2 AA rules (among them `target-size`). */
export const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  rules: { 'target-size': { enabled: true } },
  resultTypes: ['violations'],
};

/**
 * Fails with a readable list when axe finds violations in `element` (shadow roots included). Call it in every
 * state a person can see: default, error, completed.
 */
export async function expectAccessible(element: Element, options: RunOptions = {}): Promise<void> {
  const axe = (globalThis as unknown as { axe: Axe }).axe;
  const results = await axe.run(element, { ...AXE_OPTIONS, ...options });
  if (results.violations.length === 0) return;
  const lines = results.violations.flatMap((violation) => [
    `${violation.id} (${violation.impact}): ${violation.help}`,
    ...violation.nodes.map((node) => `  at ${JSON.stringify(node.target)}: ${node.failureSummary?.replace(/\n/g, ' ')}`),
  ]);
  throw new Error(`Accessibility violations:\n${lines.join('\n')}`);
}
