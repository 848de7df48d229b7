import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The serious and critical axe-core violations of the page, one readable line (and its elements) each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]\n${nodes}${v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : ''}`;
    });
}

/** Asserts that axe finds no serious or critical violation; the failure message lists them readably. */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `axe on ${label}:\n${violations.join('\n')}`).toEqual([]);
}

/** True when the page is no wider than the viewport (nothing forces sideways scrolling of the page). */
export async function pageFitsViewport(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}
