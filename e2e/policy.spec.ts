import fs from 'node:fs';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { CATEGORY_IDS } from '../lib/retention/categories';
import { DELETION_CONDITION_CODES, NOT_DUE_CODES } from '../lib/retention/conditions';
import { parseCsv } from '../tests/helpers/csv';
import { expectNoSeriousViolations, pageFitsViewport } from './support/axe';
import { authFile } from './support/roles';

/*
 * The retention policy screen (/policy) and GET /api/v1/policy: the source document's overview
 * table computed from the settings in force (the demo library has the typical 24/84/24/84/90),
 * its CSV export, and who may see it.
 */

const SETTING_NAMES = ['inactiveActorMonths', 'financialMonths', 'historyMonths', 'personalDataMonths', 'optOutLoanDays'];

test.describe('the policy screen as manager', () => {
  test.use({ storageState: authFile('manager') });

  test('shows every category with its periods, the removal rule and every condition, dated', async ({ page }) => {
    const response = await page.goto('/policy');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Retention policy' })).toBeVisible();

    const table = page.getByTestId('policy-table');
    await expect(table.locator('tbody tr')).toHaveCount(CATEGORY_IDS.length);
    expect(await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-category')))).toEqual([...CATEGORY_IDS]);
    // The source document's rows with the typical settings: 2 and 7 years.
    await expect(table.locator('tr[data-category="holds"]')).toContainText('Information older than 24 months (2 years)');
    await expect(table.locator('tr[data-category="personal_details"]')).toContainText('84 months (7 years) after cancellation');
    await expect(table.locator('tr[data-category="loan_history"]')).toContainText('Loan history off: anonymized 90 days after the return');
    await expect(table.locator('tr[data-category="financial_transactions"] [data-rule]')).toHaveCount(2);

    const conditions = page.getByTestId('policy-conditions');
    expect(await conditions.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-condition')))).toEqual([
      ...DELETION_CONDITION_CODES,
    ]);
    await expect(conditions.locator('tr[data-condition="RECENT_FINANCIAL_ARCHIVE"]')).toContainText('younger than 84 months (7 years)');
    await expect(conditions.locator('tr[data-condition="RECENT_EDUB_DEREGISTRATION"]')).toContainText('3 months');
    for (const code of NOT_DUE_CODES) await expect(page.getByTestId('policy-not-due')).toContainText(code);
    await expect(page.getByTestId('policy-removal')).toContainText('24 months (2 years) (setting inactiveActorMonths)');

    // The record's date: the settings in force and when they last changed.
    const settings = page.getByTestId('policy-settings');
    for (const name of SETTING_NAMES) await expect(settings.locator(`tr[data-setting="${name}"] time`)).toHaveCount(1);
    await expect(page.getByTestId('policy-dating').locator('time')).toHaveCount(2);
  });

  test('the CSV download has the same rows as the table on screen', async ({ page }) => {
    await page.goto('/policy');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('policy-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^retention-policy-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsv(fs.readFileSync((await download.path())!, 'utf8'));
    expect(rows.map((r) => r.category)).toEqual([...CATEGORY_IDS]);

    const screenRows = await page.getByTestId('policy-table').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        category: tr.getAttribute('data-category'),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
        // Each rule shown: kind and whether it is in force.
        rules: [...tr.querySelectorAll('[data-rule]')].map((el) => `${el.getAttribute('data-rule')}:${el.getAttribute('data-in-force')}`),
      })),
    );
    expect(screenRows.map((r) => r.category)).toEqual(rows.map((r) => r.category));
    for (const [i, row] of rows.entries()) {
      const screen = screenRows[i]!;
      const [active, inactive, action] = screen.cells as [string, string, string];
      const expectedRules = [
        row.age_setting ? `age:${row.age_in_force}` : null,
        row.opt_out_setting ? `optOut:${row.opt_out_in_force}` : null,
        row.cancellation_setting ? `cancellation:${row.cancellation_in_force}` : null,
      ].filter(Boolean);
      expect(screen.rules, row.category).toEqual(expectedRules);
      if (row.age_in_force === 'true') expect(active, row.category).toContain(`older than ${row.age_period} months`);
      if (row.age_setting) expect(active, row.category).toContain(row.age_setting);
      else expect(active, row.category).toContain('no such rule');
      if (row.cancellation_in_force === 'true') expect(inactive, row.category).toContain(`${row.cancellation_period} months`);
      if (row.cancellation_setting) expect(inactive, row.category).toContain(row.cancellation_setting);
      else expect(inactive, row.category).toContain('no such rule');
      if (row.opt_out_in_force === 'true') expect(active, row.category).toContain(`${row.opt_out_period} days`);
      expect(action, row.category).toContain(row.action);
      expect(row.deleted_by_a_rule, row.category).toBe(action.includes('no rule of this category is in force') ? 'false' : 'true');
    }
  });

  for (const locale of ['en', 'nl'] as const) {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      test(`has no serious accessibility violation and fits the screen at ${viewport.width} px (${locale})`, async ({ page, context, baseURL }) => {
        await context.addCookies([{ name: 'locale', value: locale, url: baseURL! }]);
        await page.setViewportSize(viewport);
        await page.goto('/policy');
        await expect(page.getByRole('heading', { level: 1, name: locale === 'en' ? 'Retention policy' : 'Bewaarbeleid' })).toBeVisible();
        await expectNoSeriousViolations(page, `/policy ${locale} ${viewport.width}px`);
        const { scrollWidth, innerWidth } = await pageFitsViewport(page);
        expect(scrollWidth, `/policy ${locale} ${viewport.width}px`).toBeLessThanOrEqual(innerWidth);
      });
    }
  }

  test('on a phone each category is a card with its rules, headed by its name', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/policy');
    await expect(page.getByTestId('policy-table')).toBeHidden();
    const cards = page.getByTestId('policy-table-cards');
    await expect(cards.locator(':scope > li')).toHaveCount(CATEGORY_IDS.length);
    const holds = cards.locator('li[data-category="holds"]');
    await expect(holds.getByRole('heading', { level: 3 })).toBeVisible();
    await expect(holds).toContainText('Information older than 24 months (2 years)');
    await expect(holds.locator('code').first()).toHaveText('holds');
  });

  test('the table scrolls by keyboard and the download link has a visible focus', async ({ page }) => {
    await page.goto('/policy');
    const link = page.getByTestId('policy-csv');
    // By keyboard, as a user reaches it (a script's focus() does not always count as :focus-visible).
    for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(link).toBeFocused();
    const outline = await link.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    const region = page.getByRole('group', { name: /Retention per category/ });
    await region.focus();
    await expect(region).toBeFocused();
  });
});

test('support is refused the policy screen', async ({ browser }) => {
  const context = await browser.newContext({ storageState: authFile('support') });
  const page = await context.newPage();
  await page.goto('/policy');
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  await context.close();
});

test.describe('GET /api/v1/policy', () => {
  test('401 without credentials, 403 for support, JSON and CSV for manager, ops and admin, 400 naming a bad parameter', async ({ baseURL }) => {
    const anonymous = await playwrightRequest.newContext({ baseURL });
    const none = await anonymous.get('/api/v1/policy');
    expect(none.status()).toBe(401);
    expect((await anonymous.get('/api/v1/policy?format=csv')).status()).toBe(401);
    await anonymous.dispose();

    const support = await playwrightRequest.newContext({ baseURL, storageState: authFile('support') });
    expect((await support.get('/api/v1/policy')).status()).toBe(403);
    expect((await support.get('/api/v1/policy?format=csv')).status()).toBe(403);
    await support.dispose();

    for (const role of ['manager', 'ops', 'admin'] as const) {
      const ctx = await playwrightRequest.newContext({ baseURL, storageState: authFile(role) });
      const res = await ctx.get('/api/v1/policy');
      expect(res.status(), role).toBe(200);
      expect(res.headers()['cache-control']).toContain('no-store');
      const body = (await res.json()) as { categories: { category: string }[]; conditions: { code: string }[]; settings: Record<string, number> };
      expect(body.categories.map((c) => c.category)).toEqual([...CATEGORY_IDS]);
      expect(body.conditions.map((c) => c.code)).toEqual([...DELETION_CONDITION_CODES]);
      expect(Object.keys(body.settings).sort()).toEqual([...SETTING_NAMES].sort());

      const csv = await ctx.get('/api/v1/policy?format=csv');
      expect(csv.status(), role).toBe(200);
      expect(csv.headers()['content-type']).toContain('text/csv');
      expect(csv.headers()['content-disposition']).toMatch(/attachment; filename="retention-policy-\d{4}-\d{2}-\d{2}\.csv"/);
      expect(parseCsv(await csv.text()).map((r) => r.category)).toEqual([...CATEGORY_IDS]);

      const conditions = await ctx.get('/api/v1/policy?format=csv&table=conditions');
      expect(parseCsv(await conditions.text()).map((r) => r.code)).toEqual([...DELETION_CONDITION_CODES]);

      const bad = await ctx.get('/api/v1/policy?format=xml');
      expect(bad.status()).toBe(400);
      expect(((await bad.json()) as { error: { parameter: string } }).error.parameter).toBe('format');
      const unknown = await ctx.get('/api/v1/policy?asOf=2024-01-01');
      expect(unknown.status()).toBe(400);
      expect(((await unknown.json()) as { error: { parameter: string } }).error.parameter).toBe('asOf');
      await ctx.dispose();
    }
  });
});
