import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { formatIsoDate } from '../i18n/format';
import { addDays, todayIn } from '../lib/retention/dates';
import { authFile } from './support/roles';

/*
 * Deleted customer records per day (/reports and GET /api/v1/reports/deleted-per-day) on the demo
 * library, whose ~90 days of history come from real cleanup runs. Comparisons use ranges that end
 * yesterday: the scheduled job of the test server may still run for today while a test reads.
 */

const today = todayIn('Europe/Amsterdam');
const yesterday = addDays(today, -1);
const HISTORY = { from: addDays(today, -95), to: yesterday }; // the whole demo history
const API = '/api/v1/reports/deleted-per-day';

type ApiRow = { date: string; category: string; deleted: number; anonymized: number };
type TableRead = { columns: string[]; rows: { date: string; cells: number[] }[]; totals: number[] };

const digits = (text: string | null) => Number((text ?? '').replace(/[^0-9]/g, ''));

/** The table as shown: the CSV column of each header, each day's ISO date and numbers, the totals row. */
async function readTable(page: Page): Promise<TableRead> {
  const table = page.getByTestId('day-table');
  const columns = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column') ?? ''));
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ date: tr.getAttribute('data-date') ?? '', cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '') })),
  );
  const totals = await table.locator('tfoot td').allTextContents();
  return { columns, rows: rows.map((r) => ({ date: r.date, cells: r.cells.map(digits) })), totals: totals.map(digits) };
}

async function expectAxeClean(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), label).toEqual([]);
}

test.describe('the report screen as manager', () => {
  test.use({ storageState: authFile('manager') });

  test('shows the last 30 days by default: the charts, the table with every day, and the totals', async ({ page }) => {
    await page.goto('/reports');
    await expect(page.getByRole('heading', { level: 1, name: 'Deleted customer records per day' })).toBeVisible();
    // The date fields write the day as the screens do ("15 Nov 2024"); the form sends it as ISO.
    await expect(page.getByLabel('From', { exact: true })).toHaveValue(formatIsoDate('en', addDays(today, -29)));
    await expect(page.getByLabel('To', { exact: true })).toHaveValue(formatIsoDate('en', today));
    await expect(page.getByRole('link', { name: 'Last 30 days' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('range-shown')).toContainText('30 days');
    await expect(page.getByRole('img', { name: /Stacked bar chart of the records deleted and anonymized per day/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /Bar chart of the actors removed per day/ })).toBeVisible();
    // The demo's daily runs delete something most days: the chart has bars.
    await expect(page.locator('[data-testid="charts"] .recharts-bar-rectangle').first()).toBeVisible();
    const table = await readTable(page);
    expect(table.rows.map((r) => r.date)).toEqual(Array.from({ length: 30 }, (_, i) => addDays(today, i - 29)));
    expect(table.columns[0]).toBe('date');
    expect(table.columns.at(-1)).toBe('actors.removed');
    // Days are in the user's language, with the ISO day on hover.
    const firstDay = page.getByTestId('day-table').locator('tbody tr').first().locator('time');
    await expect(firstDay).toHaveAttribute('title', addDays(today, -29));
    await expect(firstDay).not.toHaveText(addDays(today, -29));
  });

  test('changes the range with the fields and the quick choices, kept in the URL', async ({ page }) => {
    await page.goto('/reports');
    await page.getByLabel('From', { exact: true }).fill(HISTORY.from);
    await page.getByLabel('To', { exact: true }).fill(HISTORY.to);
    await page.getByLabel('To', { exact: true }).press('Enter');
    await expect(page).toHaveURL(new RegExp(`/reports\\?from=${HISTORY.from}&to=${HISTORY.to}$`));
    await expect(page.getByTestId('day-table').locator('tbody tr')).toHaveCount(95);
    // The first days of the demo history work through the initial backlog: actors were removed.
    await expect(page.getByTestId('total-actors')).not.toHaveText('0');

    await page.getByRole('link', { name: 'Last 7 days' }).click();
    await expect(page).toHaveURL(new RegExp(`/reports\\?from=${addDays(today, -6)}&to=${today}$`));
    await expect(page.getByTestId('day-table').locator('tbody tr')).toHaveCount(7);
    await expect(page.getByRole('link', { name: 'Last 7 days' })).toHaveAttribute('aria-current', 'page');

    // A bookmarked range opens as it was.
    await page.goto(`/reports?from=2026-02-27&to=2026-03-02`);
    await expect(page.getByLabel('From', { exact: true })).toHaveValue('27 Feb 2026');
    expect((await readTable(page)).rows.map((r) => r.date)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  test('explains a bad range instead of failing', async ({ page }) => {
    await page.goto('/reports?from=2026-11-10&to=2026-11-01');
    await expect(page.getByTestId('range-problem')).toContainText('This range cannot be shown');
    await expect(page.getByTestId('range-problem')).toContainText('The start (2026-11-10) is after the end (2026-11-01)');
    await expect(page.getByLabel('From', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('day-table')).toHaveCount(0);
    await page.goto('/reports?from=2025-02-30');
    await expect(page.getByTestId('range-problem')).toContainText('Not a real calendar date');
    await page.goto('/reports?from=2020-01-01&to=2026-01-01');
    await expect(page.getByTestId('range-problem')).toContainText('at most 366 days');
    await page.getByRole('link', { name: 'Show the last 30 days instead' }).click();
    await expect(page.getByTestId('day-table').locator('tbody tr')).toHaveCount(30);
  });

  test('the totals are the sums of the table', async ({ page }) => {
    await page.goto(`/reports?from=${HISTORY.from}&to=${HISTORY.to}`);
    const table = await readTable(page);
    const series = table.columns.slice(1);
    series.forEach((column, i) => expect(table.rows.reduce((n, r) => n + r.cells[i]!, 0), column).toBe(table.totals[i]));
    const perCategory = page.getByTestId('totals-table');
    const sumOf = (kind: string) => series.reduce((n, column, i) => (column.endsWith(`.${kind}`) ? n + table.totals[i]! : n), 0);
    expect(digits(await page.getByTestId('total-deleted').textContent())).toBe(sumOf('deleted'));
    expect(digits(await page.getByTestId('total-anonymized').textContent())).toBe(sumOf('anonymized'));
    expect(digits(await page.getByTestId('total-actors').textContent())).toBe(sumOf('removed'));
    expect(sumOf('deleted')).toBeGreaterThan(0);
    expect(sumOf('anonymized')).toBeGreaterThan(0);
    expect(digits(await perCategory.locator('tfoot [data-kind="deleted"]').textContent())).toBe(sumOf('deleted'));
    expect(digits(await perCategory.locator('tfoot [data-kind="anonymized"]').textContent())).toBe(sumOf('anonymized'));
    // The totals per category are the table's column totals.
    for (const [i, column] of series.entries()) {
      // The actors removed are a total of their own (the tile above, checked against the table).
      if (column === 'actors.removed') continue;
      const [category, kind] = column.split('.') as [string, string];
      const text = await perCategory.locator(`tbody tr[data-category="${category}"] [data-kind="${kind}"]`).textContent();
      expect(digits(text), column).toBe(table.totals[i]);
    }
  });

  test('the CSV download is the table', async ({ page }) => {
    await page.goto(`/reports?from=${HISTORY.from}&to=${HISTORY.to}`);
    const table = await readTable(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-table').click()]);
    expect(download.suggestedFilename()).toBe(`deleted-per-day-table_${HISTORY.from}_${HISTORY.to}.csv`);
    const lines = fs.readFileSync((await download.path())!, 'utf8').trimEnd().split('\n');
    expect(lines[0]!.split(',')).toEqual(table.columns);
    expect(lines.slice(1).map((line) => line.split(','))).toEqual(table.rows.map((r) => [r.date, ...r.cells.map(String)]));

    // The API's long CSV from the same screen has the same numbers, one row per day and category.
    const [long] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-api').click()]);
    const longLines = fs.readFileSync((await long.path())!, 'utf8').trimEnd().split('\n');
    expect(longLines[0]).toBe('date,category,deleted,anonymized');
    const total = longLines.slice(1).reduce((n, line) => n + Number(line.split(',')[2]) + Number(line.split(',')[3]), 0);
    expect(total).toBe(table.totals.reduce((n, v) => n + v, 0));
  });

  test('the API gives the numbers of the table for the same range', async ({ page }) => {
    await page.goto(`/reports?from=${HISTORY.from}&to=${HISTORY.to}`);
    const table = await readTable(page);
    const response = await page.request.get(`${API}?from=${HISTORY.from}&to=${HISTORY.to}`);
    expect(response.status()).toBe(200);
    const rows = (await response.json()) as ApiRow[];
    const expected = new Map<string, number>();
    for (const r of rows) {
      if (r.category === 'actors') expected.set(`${r.date} actors.removed`, r.deleted);
      else {
        if (r.deleted) expected.set(`${r.date} ${r.category}.deleted`, r.deleted);
        if (r.anonymized) expected.set(`${r.date} ${r.category}.anonymized`, r.anonymized);
      }
    }
    const shown = new Map<string, number>();
    for (const row of table.rows) row.cells.forEach((n, i) => n && shown.set(`${row.date} ${table.columns[i + 1]}`, n));
    expect(shown).toEqual(expected);
    // Sorted by date then category, only days and categories with counts.
    expect(rows.map((r) => `${r.date} ${r.category}`)).toEqual(rows.map((r) => `${r.date} ${r.category}`).sort());
    expect(rows.every((r) => r.deleted > 0 || r.anonymized > 0)).toBe(true);
  });

  // One test per page and width: axe-core on the 96-day range (about 13,000 elements, the table
  // and its phone cards both rendered) takes 45 s on an idle machine and twice that beside the
  // other worker, so three pages in one test outran its time on CI.
  for (const width of [1280, 390]) {
    for (const [name, path] of [
      ['the default range', '/reports'],
      ['the whole history', `/reports?from=${HISTORY.from}&to=${HISTORY.to}`],
      ['a reversed range', '/reports?from=2026-11-10&to=2026-11-01'],
    ] as const) {
      test(`is axe-clean and fits at ${width} px: ${name}`, async ({ page }) => {
        test.setTimeout(180_000);
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectAxeClean(page, `${path} at ${width}`);
        // Wide things (the charts, the table) scroll inside their own box, never the page.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(width);
      });
    }
  }

  test('the range controls work by keyboard', async ({ page }) => {
    await page.goto('/reports');
    await page.getByLabel('From', { exact: true }).focus();
    await page.keyboard.press('Tab'); // the date field's parts, then To
    for (let i = 0; i < 12 && !(await page.getByRole('link', { name: 'Last 90 days' }).evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(page.getByRole('link', { name: 'Last 90 days' })).toBeFocused();
    await page.keyboard.press('Enter');
    // Today as the server counts it now: a run that crossed midnight in Amsterdam after this file
    // was loaded saw the link give the new day (CI at 23:00 UTC).
    const now = todayIn('Europe/Amsterdam');
    await expect(page).toHaveURL(new RegExp(`from=${addDays(now, -89)}&to=${now}$`));
    await expect(page.getByTestId('day-table').locator('tbody tr')).toHaveCount(90);
  });
});

test.describe('the report in Dutch', () => {
  test.use({ storageState: authFile('ops'), locale: 'nl-NL' });

  test('speaks Dutch, keeps the category ids, and is axe-clean', async ({ page, context, baseURL }) => {
    test.setTimeout(180_000);
    await context.addCookies([{ name: 'locale', value: 'nl', url: baseURL! }]);
    await page.goto(`/reports?from=${HISTORY.from}&to=${HISTORY.to}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Verwijderde klantgegevens per dag' })).toBeVisible();
    await expect(page.getByTestId('totals-table').locator('tr[data-category="loan_history"]')).toContainText('loan_history');
    await expect(page.getByTestId('totals-table').locator('tr[data-category="loan_history"]')).toContainText('Leenhistoriek');
    await expectAxeClean(page, 'nl');
  });
});

test.describe('the report screen as support', () => {
  test.use({ storageState: authFile('support') });

  test('is refused', async ({ page }) => {
    await page.goto('/reports');
    await expect(page).toHaveURL(/\/forbidden$/);
    const csv = await page.request.get(`/reports/deleted-per-day.csv?from=${HISTORY.from}&to=${HISTORY.to}`);
    expect(csv.status()).toBe(403);
  });
});

test.describe('GET /api/v1/reports/deleted-per-day', () => {
  test('answers manager, ops and admin; refuses support (403) and nobody (401)', async ({ baseURL }) => {
    for (const role of ['manager', 'ops', 'admin'] as const) {
      const context = await playwrightRequest.newContext({ baseURL, storageState: authFile(role) });
      const response = await context.get(API);
      expect(response.status(), role).toBe(200);
      expect(response.headers()['cache-control'], role).toContain('no-store');
      expect(Array.isArray(await response.json()), role).toBe(true);
      await context.dispose();
    }
    const support = await playwrightRequest.newContext({ baseURL, storageState: authFile('support') });
    expect((await support.get(API)).status()).toBe(403);
    await support.dispose();
    const nobody = await playwrightRequest.newContext({ baseURL });
    const refused = await nobody.get(API);
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBeTruthy();
    expect((await nobody.get('/reports/deleted-per-day.csv')).status()).toBe(401);
    await nobody.dispose();
  });

  test('bad parameters get 400 naming the parameter', async ({ baseURL }) => {
    const manager = await playwrightRequest.newContext({ baseURL, storageState: authFile('manager') });
    for (const [query, parameter] of [
      ['from=2025-02-30', 'from'],
      ['from=yesterday', 'from'],
      ['to=2025-13-01', 'to'],
      ['from=2026-11-10&to=2026-11-01', 'from'],
      ['format=xml', 'format'],
      ['asOf=2026-01-01', 'asOf'],
    ] as const) {
      const response = await manager.get(`${API}?${query}`);
      expect(response.status(), query).toBe(400);
      expect((await response.json()).error.parameter, query).toBe(parameter);
    }
    const table = await manager.get('/reports/deleted-per-day.csv?from=2026-02-30');
    expect(table.status()).toBe(400);
    expect((await table.json()).error.parameter).toBe('from');
    await manager.dispose();
  });

  test('gives CSV with the header line and the rows of the JSON', async ({ baseURL }) => {
    const ops = await playwrightRequest.newContext({ baseURL, storageState: authFile('ops') });
    const range = `from=${HISTORY.from}&to=${HISTORY.to}`;
    const csv = await ops.get(`${API}?${range}&format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toContain('attachment');
    const lines = (await csv.text()).trimEnd().split('\n');
    expect(lines[0]).toBe('date,category,deleted,anonymized');
    const json = (await (await ops.get(`${API}?${range}`)).json()) as ApiRow[];
    expect(json.length).toBeGreaterThan(100);
    expect(lines.slice(1)).toEqual(json.map((r) => `${r.date},${r.category},${r.deleted},${r.anonymized}`));
    await ops.dispose();
  });
});
