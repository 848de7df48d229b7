import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { authFile } from './support/roles';

const SETTING_NAMES = ['inactiveActorMonths', 'financialMonths', 'historyMonths', 'personalDataMonths', 'optOutLoanDays'];

/** No serious or critical accessibility violation on the page as it is now, under every axe-core rule (the shared sweep). */
const expectAxeClean = (page: Page) => expectNoSeriousViolations(page, page.url());

/** The page does not scroll sideways (nothing wider than the viewport). */
async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

// Each test runs axe at two widths and the admin's what-if counts the whole demo library: more
// than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

for (const role of ['manager', 'ops'] as const) {
  test.describe(`the settings screen as ${role}`, () => {
    test.use({ storageState: authFile(role) });

    test('shows every setting with its unit, categories, meaning of 0 and history, read-only', async ({ page }) => {
      const response = await page.goto('/settings');
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      await expect(page.getByTestId('settings-read-only')).toContainText('only the platform operator (role admin)');
      await expect(page.getByRole('region', { name: 'Change settings' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Show what the change would do' })).toHaveCount(0);
      // No form field anywhere in the page's content.
      await expect(page.locator('main input, main textarea, main select')).toHaveCount(0);

      for (const name of SETTING_NAMES) {
        const card = page.getByTestId(`setting-${name}`);
        await expect(card).toContainText(name);
        await expect(card).toContainText('When 0');
        await expect(card).toContainText('Maintained by');
      }
      const optOut = page.getByTestId('setting-optOutLoanDays');
      await expect(optOut).toContainText('days');
      await expect(optOut).toContainText('loan_history');
      // Categories in words first, the id small beside it; KSM explained in a sentence where it appears.
      await expect(optOut.locator('li[data-category="loan_history"]')).toHaveText('Loan history loan_history');
      await expect(optOut.locator('li[data-category="loan_history"] code')).toHaveText('loan_history');
      await expect(page.getByTestId('setting-historyMonths').locator('li[data-category="ksm"]')).toHaveText('KSM records ksm');
      await expect(page.getByTestId('setting-historyMonths').getByTestId('ksm-explained')).toContainText('the library system keeps about the customer under KSM');
      await expect(page.getByTestId('setting-historyMonths')).toContainText('months');
      // The demo library's settings were set (and audited) when it was made: the history has them.
      const history = page.getByTestId('history-historyMonths');
      await history.getByText(/^History/).click();
      await expect(history.getByRole('listitem').first()).toBeVisible();
      // The last change's date is in words, with the ISO timestamp on hover.
      const time = page.getByTestId('setting-historyMonths').locator('time').first();
      await expect(time).toHaveAttribute('title', /^\d{4}-\d{2}-\d{2}T/);

      await expectAxeClean(page);
      await expectNoHorizontalScroll(page);
      await page.setViewportSize({ width: 390, height: 844 });
      await expectAxeClean(page);
      await expectNoHorizontalScroll(page);
    });
  });
}

test.describe('the settings screen as support', () => {
  test.use({ storageState: authFile('support') });

  test('is refused', async ({ page }) => {
    await page.goto('/settings');
    await expect(page).toHaveURL(/\/forbidden$/);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  });
});

test.describe('the settings screen as admin', () => {
  test.use({ storageState: authFile('admin') });
  // Both tests work on the shared demo settings: one at a time, so neither sees the other's change.
  test.describe.configure({ mode: 'serial' });

  /** Changes one setting through the whole flow: what-if, reason, confirmation, save. */
  async function changeSetting(page: Page, name: string, from: string, to: string, reason: string) {
    const form = page.getByRole('region', { name: 'Change settings' });
    const input = form.getByLabel(name);
    await expect(input).toHaveValue(from);
    await input.fill(to);
    await form.getByRole('button', { name: 'Show what the change would do' }).click();
    const whatIf = page.getByTestId('what-if');
    await expect(whatIf).toBeVisible({ timeout: 20_000 });
    await expect(whatIf.getByTestId('what-if-changes')).toContainText(`${from} days → ${to} days`);
    await expect(whatIf.getByTestId('what-if-actors')).toHaveText(/^[\d,]+$/);
    // The figures per category, or (when a run has just done the backlog) that nothing is due.
    await expect(whatIf.getByRole('table', { name: /^Records due per category/ }).or(whatIf.getByText('Nothing is due with either value.'))).toBeVisible();
    // A longer period: what it keeps longer, and by how much; a shorter one keeps nothing longer.
    if (Number(to) > Number(from)) {
      await expect(whatIf.getByTestId('what-if-kept-longer')).toContainText('Kept longer');
      await expect(
        whatIf.getByRole('table', { name: 'Records and actors kept longer by the change, and by how much' }).or(whatIf.getByText('Nothing goes later than it would now.')),
      ).toBeVisible();
    } else await expect(whatIf.getByTestId('what-if-kept-longer')).toHaveCount(0);
    // The values cannot be edited while the what-if is shown.
    await expect(input).toBeDisabled();

    // Without a reason and the confirmation, nothing is saved.
    await whatIf.getByRole('button', { name: 'Save the change' }).click();
    await expect(whatIf.getByText('Give the reason for the change.')).toBeVisible({ timeout: 20_000 });
    await expect(whatIf.getByText('Confirm that you have checked what the change does.')).toBeVisible();

    await whatIf.getByLabel('Reason', { exact: true }).fill(reason);
    await whatIf.getByLabel('I have checked what this change does and want to save it.').check();
    await whatIf.getByRole('button', { name: 'Save the change' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved, with your reason' })).toContainText(`${name} ${from} days → ${to} days`, {
      timeout: 20_000,
    });
    await expect(page.getByTestId('what-if')).toHaveCount(0);
  }

  // Runs in the settings-writes project, after every other test (playwright.config.ts).
  test('previews a change, saves it with a reason, finds it in the history, and changes it back', { tag: '@writes-settings' }, async ({ page }) => {
    await page.goto('/settings');
    const form = page.getByRole('region', { name: 'Change settings' });
    await expect(form).toBeVisible();
    const card = page.getByTestId('setting-optOutLoanDays');
    const before = (await form.getByLabel('optOutLoanDays').inputValue()).trim();
    const after = String(Number(before) + 1);
    const reason = `e2e settings check ${Date.now()}`;

    await changeSetting(page, 'optOutLoanDays', before, after, reason);
    await expect(card.getByTestId('setting-value')).toHaveText(`${after} days`);
    await expect(card).toContainText('admin@demo.test');
    const history = page.getByTestId('history-optOutLoanDays');
    await history.getByText(/^History/).click();
    const newest = history.getByRole('listitem').first();
    await expect(newest).toContainText(`${before} days → ${after} days`);
    await expect(newest).toContainText(reason);
    await expect(newest).toContainText('admin@demo.test');
    await expect(newest.locator('time')).toHaveAttribute('title', /^\d{4}-\d{2}-\d{2}T/);

    // Leave the shared demo database as it was found.
    await changeSetting(page, 'optOutLoanDays', after, before, `${reason}: changed back`);
    await expect(card.getByTestId('setting-value')).toHaveText(`${before} days`);
    await expect(history.getByRole('listitem').first()).toContainText(`${reason}: changed back`);
  });

  test('a change beyond the circuit breaker states the number and asks for it again before saving', async ({ page }) => {
    await page.goto('/settings');
    const form = page.getByRole('region', { name: 'Change settings' });
    // On the demo library, financialMonths at 1 month ends the recent-financial-archive condition
    // of about 1,200 of the 10,000 actors: far beyond 1,000 actors and 1 %.
    const input = form.getByLabel('financialMonths');
    const before = await input.inputValue();
    await input.fill('1');
    await form.getByRole('button', { name: 'Show what the change would do' }).click();
    const whatIf = page.getByTestId('what-if');
    await expect(whatIf).toBeVisible({ timeout: 20_000 });
    const breaker = whatIf.getByTestId('what-if-breaker');
    await expect(breaker).toBeVisible();
    const count = (await whatIf.getByTestId('what-if-actors').textContent())!.trim();
    const n = Number(count.replace(/,/g, ''));
    expect(n).toBeGreaterThan(100); // 1 % of the demo's actors
    await expect(breaker).toContainText(`makes ${count} actors due for removal`);
    // The change and the categories in words first, the setting name and category id small beside them.
    const change = whatIf.getByTestId('what-if-changes').getByRole('listitem').first();
    await expect(change).toContainText('Financial transactions');
    await expect(change.locator('code')).toHaveText('financialMonths');
    await expect(change).toContainText(`${before} months → 1 month`);
    const fin = whatIf.getByTestId('what-if-due').locator('tr[data-category="financial_transactions"] th');
    await expect(fin).toHaveText('Financial transactions financial_transactions');
    await expect(fin.locator('code')).toHaveText('financial_transactions');
    await expect(whatIf.getByTestId('what-if-due').locator('tfoot tr[data-testid="what-if-actors-row"]')).toContainText('actors removed');

    await expectAxeClean(page);
    await page.setViewportSize({ width: 390, height: 844 });
    // On a phone: one card per category (the table is not shown), the actors removed as the last card.
    await expect(whatIf.getByTestId('what-if-due')).toBeHidden();
    await expect(whatIf.getByTestId('what-if-due-cards').locator('li[data-category="financial_transactions"]')).toContainText('Financial transactions');
    await expect(whatIf.getByTestId('what-if-due-cards').locator('li[data-testid="what-if-actors-row"]')).toContainText('actors removed');
    await expectAxeClean(page);
    await expectNoHorizontalScroll(page);
    await page.setViewportSize({ width: 1280, height: 800 });

    await whatIf.getByLabel('Reason', { exact: true }).fill('e2e: circuit breaker check (cancelled)');
    await whatIf.getByLabel('I have checked what this change does and want to save it.').check();
    await whatIf.getByRole('button', { name: 'Save the change' }).click();
    const dialog = page.getByRole('dialog', { name: `Confirm the removal of ${count} actors` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`Type ${count}.`);
    await expect(dialog.getByLabel('Number of actors newly due for removal')).toBeFocused();
    await expectAxeClean(page);

    // A wrong number is refused by the server; nothing is saved.
    await dialog.getByLabel('Number of actors newly due for removal').fill(String(n + 1));
    await dialog.getByRole('button', { name: `Save and approve ${count} removals` }).click();
    await expect(dialog.getByText('That is not the number of actors newly due for removal.')).toBeVisible({ timeout: 20_000 });

    // Cancel rather than remove thousands of actors from the shared demo database.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await whatIf.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(page.getByTestId('what-if')).toHaveCount(0);
    await expect(input).toHaveValue(before);

    await page.reload();
    await expect(page.getByTestId('setting-financialMonths').getByTestId('setting-value')).toHaveText(`${before} months`);
  });
});
