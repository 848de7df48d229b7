import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { E2E_PORT } from './support/paths';
import { authFile, type Role } from './support/roles';

/*
 * The actor lookup and the retention timeline, in a browser, on the demo library: the worked
 * example is actor 1001 (removed completely on 2029-08-10, kept until then by the fine of
 * 2022-08-10: RECENT_FINANCIAL_ARCHIVE). That date holds for any as-of date from 2024-11-15 to
 * 2029-08-09, so the default (today) shows it; 2024-01-01 adds NOT_INACTIVE_LONG_ENOUGH.
 */

const SHOTS = '/tmp/shots-actors';
const BASE = `http://localhost:${E2E_PORT}`;

/** The shared sweep (every axe-core rule, e2e/support/axe.ts): no serious or critical violation. */
const axeClean = (page: Page) => expectNoSeriousViolations(page, page.url());

async function noPageOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function contextFor(browser: Browser, role: Role, locale: 'en' | 'nl', width: number) {
  const context = await browser.newContext({ storageState: authFile(role), viewport: { width, height: 900 } });
  await context.addCookies([{ name: 'locale', value: locale, url: BASE }]);
  return context;
}

/** The chart's bars and the table view's rows, as comparable lists. */
async function chartAndTable(page: Page) {
  const bars = await page
    .getByTestId('bar')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-category')}|${e.getAttribute('data-start')}|${e.getAttribute('data-end')}`).sort());
  const rows = await page
    .getByTestId('record-row')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-category')}|${e.getAttribute('data-start')}|${e.getAttribute('data-end')}`).sort());
  return { bars, rows };
}

test.describe('actor lookup as support', () => {
  test.use({ storageState: authFile('support') });

  test('searches 1001 and sees the membership bar, the removal date 2029-08-10 and the financial-archive reason', async ({ page }) => {
    await page.goto('/actors');
    await expect(page.getByRole('heading', { level: 1, name: 'Actor lookup' })).toBeVisible();
    await page.getByLabel('Actor id').fill('1001');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page).toHaveURL(/\/actors\/1001$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Actor 1001' })).toBeVisible();

    const membership = page.getByTestId('membership-bar');
    await expect(membership).toHaveAttribute('data-start', '2015-01-01');
    await expect(membership).toHaveAttribute('data-end', '2022-11-15');
    await expect(page.getByRole('img', { name: /Timeline of actor 1001/ })).toContainText('cancelled 15 Nov 2022');

    await expect(page.getByTestId('removal-date').locator('time')).toHaveAttribute('datetime', '2029-08-10');
    await expect(page.getByTestId('removal-date')).toHaveText('10 Aug 2029');
    const archive = page.getByTestId('reasons').locator('[data-code="RECENT_FINANCIAL_ARCHIVE"]');
    await expect(archive).toContainText('RECENT_FINANCIAL_ARCHIVE');
    await expect(archive.locator('time[datetime="2029-08-10"]').first()).toBeVisible();
    await expect(archive).toContainText('Fine booked on');
    await expect(archive.locator('time[datetime="2022-08-10"]')).toBeVisible();
    await expect(page.getByTestId('reason-bar').and(page.locator('[data-code="RECENT_FINANCIAL_ARCHIVE"]'))).toHaveAttribute('data-until', '2029-08-10');

    // Support never receives loan items or amounts: not in the page, not in the data sent with it.
    const html = await page.content();
    expect(html).not.toMatch(/B-1000\d|amountCents|itemId|€/);
    await page.getByText('Table view', { exact: true }).click();
    await expect(page.getByTestId('records-table')).toBeVisible();
    await expect(page.getByTestId('records-table').getByRole('columnheader', { name: 'Amount' })).toHaveCount(0);
  });

  test('shows exactly what the actor report says, and the table view holds the chart data', async ({ page }) => {
    for (const asOf of ['', '2024-01-01']) {
      await page.goto(`/actors/1001${asOf ? `?asOf=${asOf}` : ''}`);
      const report = await (await page.request.get(`/api/v1/actors/1001/retention${asOf ? `?asOf=${asOf}` : ''}`)).json();
      await expect(page.getByTestId('removal-date').locator('time')).toHaveAttribute('datetime', report.removal.date);
      const codes = await page.getByTestId('reasons').locator('[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
      expect(codes.sort()).toEqual(report.removal.reasons.map((r: { code: string }) => r.code).sort());
      const untils = await page.getByTestId('reason-bar').evaluateAll((els) => els.map((e) => [e.getAttribute('data-code'), e.getAttribute('data-until') || null]));
      expect(untils).toEqual(report.removal.reasons.map((r: { code: string; until: string | null }) => [r.code, r.until]));
      // Per category: the lanes are the categories with records, and each lane's last bar ends on the report's lastDate.
      const held = Object.entries(report.categories as Record<string, { records: number; lastDate: string | null }>).filter(([, c]) => c.records > 0);
      for (const [category, c] of held) {
        const ends = await page.locator(`[data-testid="bar"][data-category="${category}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-end')));
        expect(ends.length).toBe(c.records);
        if (c.lastDate) expect(ends.sort().at(-1)).toBe(c.lastDate);
        await expect(page.getByTestId('category-report').locator(`tr[data-category="${category}"] [data-last]`)).toHaveAttribute('data-last', c.lastDate ?? '');
      }
      const { bars, rows } = await chartAndTable(page);
      expect(bars.length).toBeGreaterThan(0);
      expect(rows).toEqual(bars);
    }
  });

  test('the as-of picker redraws the timeline for another day', async ({ page }) => {
    await page.goto('/actors/1001');
    await expect(page.getByTestId('reasons').locator('[data-code="NOT_INACTIVE_LONG_ENOUGH"]')).toHaveCount(0);
    await page.getByLabel('As of', { exact: true }).fill('2024-01-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/\/actors\/1001\?asOf=2024-01-01$/);
    await expect(page.getByText(/Retention timeline as of/)).toContainText('1 Jan 2024');
    await expect(page.getByTestId('reasons').locator('[data-code="NOT_INACTIVE_LONG_ENOUGH"]')).toContainText('15 Nov 2024');
    await expect(page.getByRole('img', { name: /Timeline of actor 1001 as of 1 Jan 2024/ })).toContainText('As of 1 Jan 2024');
    await expect(page.getByTestId('removal-date')).toHaveText('10 Aug 2029');
    // The day itself: removal is due, everything goes that day.
    await page.getByLabel('As of', { exact: true }).fill('2029-08-10');
    await page.getByRole('button', { name: 'Show' }).click();
    // Not "removed on": due that day, and the first run of that day removes the actor.
    await expect(page.getByTestId('removal')).toContainText('Due for removal');
    await expect(page.getByTestId('removal')).toContainText('the first cleanup run that day removes them');
    await expect(page.getByTestId('removal')).not.toContainText('Removed completely');
    await expect(page.getByTestId('reasons')).toContainText('Nothing keeps this actor');
    await page.getByRole('link', { name: 'Today' }).click();
    await expect(page).toHaveURL(/\/actors\/1001$/);
  });

  test('an unknown actor and a bad id get clear pages', async ({ page }) => {
    await page.goto('/actors/424242');
    await expect(page.getByRole('heading', { name: 'No data is held for actor 424242' })).toBeVisible();
    await expect(page.getByTestId('actor-not-found')).toContainText('written to the access log');
    await axeClean(page);

    await page.goto('/actors/abc');
    await expect(page.getByRole('heading', { level: 1, name: 'That is not an actor id' })).toBeVisible();
    await page.goto('/actors?actorId=-5');
    await expect(page.getByText('An actor id is a positive whole number (1 or more), such as 1001.')).toBeVisible();
    await page.goto('/actors?actorId=1e3');
    await expect(page.getByText('An actor id is a whole number, such as 1001.')).toBeVisible();
    await page.goto('/actors?actorId=12&asOf=2026-02-30');
    await expect(page.getByText('Enter a real calendar date (YYYY-MM-DD)')).toBeVisible();
    await page.goto('/actors/1001?asOf=2026-13-01');
    await expect(page.getByText('Enter a real calendar date (YYYY-MM-DD)').first()).toBeVisible();
  });

  test('says categories, reasons, roles and blocks in words first, with the code small beside them', async ({ page }) => {
    await page.goto('/actors/1001');
    // The per-category table: the category's name, then its id for support.
    const fin = page.getByTestId('category-report').locator('tr[data-category="financial_transactions"] th');
    await expect(fin).toContainText('Financial transactions');
    await expect(fin.locator('code')).toHaveText('financial_transactions');
    // The reasons panel: the condition's short name, then its code.
    const archive = page.getByTestId('reasons').locator('[data-code="RECENT_FINANCIAL_ARCHIVE"]');
    await expect(archive.locator('p').first()).toHaveText('Recent settled financial items RECENT_FINANCIAL_ARCHIVE');
    await expect(archive.locator('code').first()).toHaveText('RECENT_FINANCIAL_ARCHIVE');
    // The chart's reason bar is named in words, the code in its tooltip.
    await expect(page.getByTestId('reason-bar').and(page.locator('[data-code="RECENT_FINANCIAL_ARCHIVE"]'))).toContainText('Recent settled financial items');
    // The table view: reasons by name with the code beside, one row per record with the category in words.
    await page.getByText('Table view', { exact: true }).click();
    const reasonRow = page.getByTestId('reasons-table').locator('tr[data-code="RECENT_FINANCIAL_ARCHIVE"]');
    await expect(reasonRow.locator('th')).toHaveText('Recent settled financial items RECENT_FINANCIAL_ARCHIVE');
    await expect(page.getByTestId('record-row').first().locator('th code')).toBeVisible();

    // A running membership (showcase 10017): the role in words ("Membership, still running (status 1)"), the type code beside.
    await page.goto('/actors/10017');
    const running = page.getByTestId('reasons').locator('[data-code="RUNNING_MEMBERSHIP_STATUS"]');
    await expect(running).toContainText('Membership still running by its status');
    await expect(running).toContainText(/Membership, still running \(status \d\) ABON/);
    await expect(running).not.toContainText('ABON role');
    // A general or bailiff block (showcase 10008): the block in words, its type beside.
    await page.goto('/actors/10008');
    await expect(page.getByTestId('reasons').locator('[data-code="GENERAL_OR_BAILIFF_BLOCK"]')).toContainText(/(General|Bailiff) block \(type (ALG|DEU)\)/);
  });

  test('on a phone (390 px) the per-category table and the table view are cards, in English and Dutch', async ({ browser }) => {
    test.setTimeout(90_000);
    for (const locale of ['en', 'nl'] as const) {
      const context = await contextFor(browser, 'support', locale, 390);
      const page = await context.newPage();
      await page.goto('/actors/1001');
      const report = await (await page.request.get('/api/v1/actors/1001/retention')).json();
      const held = Object.entries(report.categories as Record<string, { records: number }>).filter(([, c]) => c.records > 0).map(([id]) => id);
      // No table that scrolls sideways: one card per category, the table itself not shown.
      await expect(page.getByTestId('category-report')).toBeHidden();
      const cards = page.getByTestId('category-report-cards').locator('li[data-category]');
      await expect(cards).toHaveCount(held.length);
      const finCard = page.getByTestId('category-report-cards').locator('li[data-category="financial_transactions"]');
      await expect(finCard.locator('h3')).toContainText(locale === 'en' ? 'Financial transactions' : 'Financiële transacties');
      await expect(finCard.locator('h3 code')).toHaveText('financial_transactions');
      await expect(finCard).toContainText(locale === 'en' ? 'Last goes' : 'Laatste');
      // The table view: one card per record, as many as the chart has bars.
      await page.getByTestId('table-view').locator('summary').click();
      await expect(page.getByTestId('records-table')).toBeHidden();
      await expect(page.getByTestId('record-card')).toHaveCount(await page.getByTestId('bar').count());
      await expect(page.getByTestId('reasons-table-cards').locator('li[data-code="RECENT_FINANCIAL_ARCHIVE"]')).toContainText('RECENT_FINANCIAL_ARCHIVE');
      await noPageOverflow(page);
      await axeClean(page);
      await context.close();
    }
  });

  for (const width of [1280, 390]) {
    test(`is axe-clean and fits at ${width} px`, async ({ browser }) => {
      test.setTimeout(120_000);
      const context = await contextFor(browser, 'support', 'en', width);
      const page = await context.newPage();
      await page.goto('/actors');
      await axeClean(page);
      await noPageOverflow(page);
      await page.goto('/actors/1001');
      await expect(page.getByTestId('removal-date')).toBeVisible();
      await axeClean(page);
      await noPageOverflow(page);
      await page.getByText('Table view', { exact: true }).click();
      await axeClean(page);
      await noPageOverflow(page);
      // Keyboard: the chart's scroll region and the table view's disclosure are reachable.
      await page.getByRole('region', { name: 'Retention timeline, scrolls sideways' }).focus();
      await expect(page.getByRole('region', { name: 'Retention timeline, scrolls sideways' })).toBeFocused();
      await context.close();
    });
  }
});

test.describe('actor lookup as admin', () => {
  test.use({ storageState: authFile('admin') });

  test.describe.configure({ timeout: 90_000 });

  test('sees amounts, and every lookup (support and unknown actors too) is in the access log', async ({ page, browser }) => {
    const support = await contextFor(browser, 'support', 'en', 1280);
    const supportPage = await support.newPage();
    await supportPage.goto('/actors/1001?asOf=2025-03-03');
    await expect(supportPage.getByTestId('removal-date')).toBeVisible();
    await supportPage.goto('/actors/987654?asOf=2025-03-04');
    await expect(supportPage.getByTestId('actor-not-found')).toBeVisible();
    await support.close();

    await page.goto('/admin/access-log?actorId=1001&caller=support%40demo.test');
    // The as-of day in words ("3 Mar 2025"), its ISO form in the markup.
    await expect(page.getByRole('row').filter({ has: page.locator('time[datetime="2025-03-03"]') }).first()).toContainText('support@demo.test');
    await expect(page.getByRole('row').filter({ has: page.locator('time[datetime="2025-03-03"]') }).first()).toContainText('3 Mar 2025');
    await page.goto('/admin/access-log?actorId=987654');
    await expect(page.getByRole('row').filter({ has: page.locator('time[datetime="2025-03-04"]') }).first()).toContainText('support@demo.test');

    // One lookup, one entry (the page reads the actor once, whatever it renders).
    await page.goto('/actors/1001?asOf=2025-05-05');
    await expect(page.getByTestId('removal-date')).toBeVisible();
    await page.goto('/admin/access-log?actorId=1001&caller=admin%40demo.test');
    await expect(page.getByRole('row').filter({ has: page.locator('time[datetime="2025-05-05"]') })).toHaveCount(1);

    await page.goto('/actors/1001');
    await page.getByText('Table view', { exact: true }).click();
    await expect(page.getByTestId('records-table').getByRole('columnheader', { name: 'Amount' })).toBeVisible();
    await expect(page.getByTestId('records-table')).toContainText('€');
  });
});

test.describe('actor lookup as manager', () => {
  test.use({ storageState: authFile('manager') });

  test('is refused', async ({ page }) => {
    await page.goto('/actors');
    await expect(page).toHaveURL(/\/forbidden$/);
    await page.goto('/actors/1001');
    await expect(page).toHaveURL(/\/forbidden$/);
  });
});

test.describe('screenshots', () => {
  test('at 1280 and 390 px, in English and Dutch', async ({ browser }) => {
    test.setTimeout(240_000);
    fs.mkdirSync(SHOTS, { recursive: true });
    const shots: [Role, 'en' | 'nl', number, string, string][] = [
      ['support', 'en', 1280, '/actors/1001', 'support-1001-en-1280'],
      ['support', 'nl', 1280, '/actors/1001', 'support-1001-nl-1280'],
      ['support', 'en', 390, '/actors/1001', 'support-1001-en-390'],
      ['support', 'nl', 390, '/actors/1001', 'support-1001-nl-390'],
      ['support', 'en', 1280, '/actors/1001?asOf=2024-01-01', 'support-1001-2024-en-1280'],
      ['support', 'en', 1280, '/actors/1002', 'support-1002-en-1280'],
      ['support', 'nl', 390, '/actors/1002', 'support-1002-nl-390'],
      ['support', 'en', 1280, '/actors/10001', 'support-10001-en-1280'],
      ['support', 'en', 1280, '/actors/10005', 'support-10005-en-1280'],
      ['admin', 'en', 1280, '/actors/1001', 'admin-1001-en-1280'],
      ['support', 'en', 390, '/actors', 'support-search-en-390'],
      ['support', 'nl', 1280, '/actors', 'support-search-nl-1280'],
      ['support', 'en', 1280, '/actors/424242', 'support-unknown-en-1280'],
    ];
    for (const [role, locale, width, url, name] of shots) {
      const context = await contextFor(browser, role, locale, width);
      const page = await context.newPage();
      await page.goto(url);
      if (url.startsWith('/actors/1')) {
        const table = page.getByTestId('table-view');
        if (await table.count()) await table.locator('summary').click();
      }
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
      const chart = page.locator('section[aria-labelledby="timeline-heading"]');
      if (await chart.count()) await chart.screenshot({ path: `${SHOTS}/${name}-chart.png` });
      await context.close();
    }
  });
});
