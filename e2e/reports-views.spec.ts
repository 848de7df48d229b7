import { expect, test } from '@playwright/test';
import { addDays, todayIn } from '../lib/retention/dates';
import { authFile } from './support/roles';

/*
 * The report's views on the demo library: the chart by family with a drill-down into one family,
 * the cap for the first days of the backlog on both charts (said in words, switchable), "None in
 * this range" where a chart has nothing, and the tables as cards on a phone.
 */

const today = todayIn('Europe/Amsterdam');
const HISTORY = { from: addDays(today, -95), to: addDays(today, -1) }; // the whole demo history, backlog included
const BEFORE = { from: addDays(today, -300), to: addDays(today, -290) }; // before the demo library's first run

test.describe('the report views as manager', () => {
  test.use({ storageState: authFile('manager') });

  test('stacks by family, and drills into one family by its categories in words', async ({ page }) => {
    await page.goto(`/reports?from=${HISTORY.from}&to=${HISTORY.to}`);
    await expect(page.getByRole('heading', { level: 3, name: 'Records per day, by family' })).toBeVisible();
    const legend = page.getByTestId('chart-legend');
    // Five families at most, each deleted and/or anonymized: never a series per category here.
    const series = await legend.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-series') ?? ''));
    expect(series.length).toBeGreaterThan(1);
    expect(series.length).toBeLessThanOrEqual(10);
    expect(series.every((key) => /^(loans|financial|account|contact|service)\.(deleted|anonymized)$/.test(key))).toBe(true);
    await expect(legend).toContainText('Loans');

    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Loans, by category' });
    await expect(page.getByRole('heading', { level: 3, name: 'Records per day: Loans, by category' })).toBeVisible();
    const drilled = await legend.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-series') ?? ''));
    expect(drilled.length).toBeGreaterThan(0);
    expect(drilled.every((key) => /^(loan_history|titles_previously_borrowed)\./.test(key))).toBe(true);
    // The category in words first, its id small beside it.
    await expect(legend.locator('li[data-series^="loan_history."]').first()).toContainText('Loan history');
    await expect(legend.locator('li[data-series^="loan_history."] code').first()).toHaveText('loan_history');
    await expect(page.locator('[data-testid="charts"] .recharts-bar-rectangle').first()).toBeVisible();

    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'All families' });
    await expect(page.getByRole('heading', { level: 3, name: 'Records per day, by family' })).toBeVisible();
  });

  test('cuts off the tall backlog days, says so with their numbers, and shows the full scale on request', async ({ page }) => {
    await page.goto(`/reports?from=${HISTORY.from}&to=${HISTORY.to}`);
    const cap = page.getByRole('checkbox', { name: /^Cut off tall days at [\d,]+ so the other days can be read$/ });
    await expect(cap).toBeChecked();
    const note = page.getByTestId('capped-days');
    await expect(note).toContainText(/days? goe?s? above [\d,]+ records: .* cut off at the top of the chart and marked with a triangle/);
    const days = await note.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-date') ?? ''));
    expect(days.length).toBeGreaterThan(0);
    // The days said to be cut off are the tallest days of the table, with their full numbers.
    const capValue = Number((await page.getByTestId('charts').locator('[role="img"][data-capped]').getAttribute('data-capped')) ?? '0');
    expect(capValue).toBeGreaterThan(0);
    for (const date of days) {
      const text = (await note.locator(`li[data-date="${date}"]`).textContent()) ?? '';
      expect(Number(text.split(':').at(-1)!.replace(/[^0-9]/g, '')), date).toBeGreaterThan(capValue);
    }
    await expect(page.getByTestId('charts').getByRole('img', { name: /Days above [\d,]+ records are cut off at the top and marked\./ })).toBeVisible();

    await cap.uncheck();
    await expect(note).toHaveCount(0);
    await expect(page.getByTestId('charts').locator('[role="img"][data-capped]')).toHaveCount(0);
    await expect(page.getByTestId('charts').getByRole('img', { name: /Stacked bar chart of the records/ })).not.toHaveAccessibleName(/cut off/);
    await cap.check();
    await expect(note).toBeVisible();

    // The actors removed per day have the same outliers (hundreds on the backlog's first days, a
    // few a day after), capped the same way with their own choice.
    const actorsCap = page.getByRole('checkbox', { name: /^Cut off tall days at [\d,]+ actors so the other days can be read$/ });
    await expect(actorsCap).toBeChecked();
    const actorsNote = page.getByTestId('capped-actor-days');
    await expect(actorsNote).toContainText(/days? goe?s? above [\d,]+ actors: .* cut off at the top of the chart and marked with a triangle/);
    const actorsImg = page.getByTestId('actors-chart').locator('[role="img"]');
    const actorsCapValue = Number((await actorsImg.getAttribute('data-capped')) ?? '0');
    expect(actorsCapValue).toBeGreaterThan(0);
    await expect(actorsImg).toHaveAccessibleName(/Days above [\d,]+ actors are cut off at the top and marked\./);
    const actorDays = await actorsNote.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-date') ?? ''));
    expect(actorDays.length).toBeGreaterThan(0);
    for (const date of actorDays) {
      const text = (await actorsNote.locator(`li[data-date="${date}"]`).textContent()) ?? '';
      expect(Number(text.split(':').at(-1)!.replace(/[^0-9]/g, '')), date).toBeGreaterThan(actorsCapValue);
    }
    await actorsCap.uncheck();
    await expect(actorsNote).toHaveCount(0);
    await expect(actorsImg).not.toHaveAttribute('data-capped');
    // The records chart keeps its own choice.
    await expect(note).toBeVisible();
  });

  test('says "None in this range" where a chart has nothing, and has no cap to offer', async ({ page }) => {
    await page.goto(`/reports?from=${BEFORE.from}&to=${BEFORE.to}`);
    await expect(page.getByTestId('records-none')).toHaveText('None in this range.');
    await expect(page.getByTestId('actors-none')).toHaveText('None in this range.');
    // No empty chart (the forecast's charts below are of the months ahead).
    await expect(page.getByRole('region', { name: 'Per day' }).getByRole('img')).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: /Cut off tall days/ })).toHaveCount(0);
    await expect(page.getByTestId('totals-table-empty')).toContainText('Nothing was deleted or anonymized in this range.');
    // The day table still has every day, with zeros.
    await expect(page.getByTestId('day-table').locator('tbody tr')).toHaveCount(11);
  });

  test('shows the tables as cards at 390 px, categories in words', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(`/reports?from=${HISTORY.from}&to=${HISTORY.to}`);
    await expect(page.getByTestId('day-table')).toBeHidden();
    const dayCards = page.getByTestId('day-table-cards');
    await expect(dayCards).toBeVisible();
    await expect(dayCards.locator(':scope > li:not([data-total])')).toHaveCount(95);
    // A day's card names its day, and only the counts it has, each category in words.
    const busy = dayCards.locator(':scope > li:not([data-total])').filter({ hasText: 'Loan history' }).first();
    await expect(busy.locator('h3 time')).toBeVisible();
    await expect(busy.locator('dt', { hasText: 'Loan history' }).first()).toBeVisible();
    await expect(dayCards.locator(':scope > li[data-total]')).toContainText('Total');

    await expect(page.getByTestId('totals-table')).toBeHidden();
    const totals = page.getByTestId('totals-table-cards');
    await expect(totals.locator('li[data-category="loan_history"]')).toContainText('Loan history');
    await expect(totals.locator('li[data-category="loan_history"]')).toContainText('Loans');
    await expect(totals.locator('li[data-category="all"]')).toContainText('All categories');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Once the browser knows its width, only the cards are in the page (not a hidden table beside them) ...
    await expect(page.getByTestId('day-table')).toHaveCount(0);
    // ... and a wider window swaps them for the table.
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(page.getByTestId('day-table').locator('tbody tr')).toHaveCount(95);
    await expect(page.getByTestId('day-table-cards')).toHaveCount(0);
  });
});
