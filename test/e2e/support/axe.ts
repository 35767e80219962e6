import axe from 'axe-core';
import type { Frame, Page } from 'playwright-core';

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

interface AxeResults {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * Runs axe-core in the page and returns the serious and critical violations. The source is evaluated
 * through the DevTools protocol, not a <script> tag, so the tab's CSP (script-src 'self') stays as shipped.
 */
export async function seriousViolations(page: Page | Frame): Promise<AxeFinding[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } };
    // Fluent's focus manager (Tabster) places <i data-tabster-dummy aria-hidden tabindex=0> sentinels that
    // hand focus on to the real control; axe reads them as focusable hidden content. Only those are left out.
    return w.axe.run({ include: [['body']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)) }));
}

/** The WCAG 2.2 A and AA rules axe-core 4.x checks (WCAG 2.0, 2.1 and 2.2 tags). */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Every WCAG 2.2 A/AA violation, whatever its impact. Fluent's focus sentinels (`data-tabster-dummy`:
 * hidden, focusable elements that hand focus on to the real control) are left out, as above.
 */
export async function wcagViolations(page: Page | Frame): Promise<AxeFinding[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } };
    return w.axe.run(
      { include: [['body']], exclude: [['[data-tabster-dummy]']] },
      { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
    );
  }, WCAG_22_AA);
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)) }));
}
