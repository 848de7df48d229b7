import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import axe from 'axe-core';

/**
 * Every rule axe-core has, not only the WCAG tag sets it runs by default: the best practices, the
 * AAA rules, the experimental ones (label-content-name-mismatch, td-has-header, p-as-heading and
 * the others) and those off by default. Run by id, so that a rule axe-core adds in a new version is
 * swept too. One experimental rule is left out, on purpose (as e2e/instance-ties.spec.ts does):
 * focus-order-semantics wants the focusable box that scrolls a wide table or chart to be a
 * landmark, and components/ui/scroll-region.tsx makes it a named group instead (a landmark per
 * table would crowd the page's landmarks).
 */
const LEFT_OUT = new Set(['focus-order-semantics']);
export const ALL_RULES = axe
  .getRules()
  .map((rule) => rule.ruleId)
  .filter((id) => !LEFT_OUT.has(id));

/** The serious and critical axe-core violations of the page under every rule (ALL_RULES), one readable line (and its elements) each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Every rule (the enhanced contrast above all) takes several seconds on a large page, and far
  // more on a busy machine: each sweep gives the test that runs it a minute more.
  test.info().setTimeout(test.info().timeout + 60_000);
  const results = await new AxeBuilder({ page }).withRules(ALL_RULES).analyze();
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
