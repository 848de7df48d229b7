import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { formatCount, formatMonth } from '../i18n/format';
import { buildForecastView } from '../lib/forecast/view';
import { todayIn } from '../lib/retention/dates';
import { forecastMonths, type Forecast } from '../lib/retention/forecast';
import { expectNoSeriousViolations, pageFitsViewport } from './support/axe';
import { expectedForecastRows, FORECAST_COLUMNS, readForecastTable, REBUILDING, showScheduleRebuilding } from './support/forecast';
import { PROJECT_DIR } from './support/paths';
import { authFile } from './support/roles';

/*
 * The forecast panel on /reports (manager) and /cleanup (ops) on the demo library, in English and
 * Dutch: what it assumes, the families, the months in the user's language, and a table whose
 * numbers are those of GET /api/v1/forecast for the same day; the retention schedule's state in
 * the job panel (up to date as the server says, and being re-planned as a status answer says);
 * support refused. Screenshots at 1280 and 390 px go to test-results/forecast-shots/.
 */

const SHOTS = path.join(PROJECT_DIR, 'test-results', 'forecast-shots');
const today = todayIn('Europe/Amsterdam');
const MONTHS = forecastMonths(today, 12);

const TEXT = {
  en: {
    title: 'Forecast: the coming 12 months',
    assumes: "Assumes no new data, the settings as they are now, a cleanup run every day, and that today's members stay members.",
    families: ['Loans', 'Financial', 'Account', 'Contact', 'Services'],
    schedule: 'Retention schedule',
    current: 'Up to date',
  },
  nl: {
    title: 'Prognose: de komende 12 maanden',
    assumes: 'Gaat uit van geen nieuwe gegevens, de instellingen zoals ze nu zijn, elke dag een opschoonrun, en dat wie nu lid is lid blijft.',
    families: ['Uitleningen', 'Financieel', 'Klantaccount', 'Contact', 'Dienstverlening'],
    schedule: 'Bewaarschema',
    current: 'Bijgewerkt',
  },
} as const;

type Locale = keyof typeof TEXT;

async function useLocale(page: Page, locale: Locale, baseURL: string | undefined) {
  await page.context().addCookies([{ name: 'locale', value: locale, url: baseURL! }]);
}

/**
 * The panel as it should be: its title and assumption, the families in the legend, twelve months
 * named in the language, and the table equal to GET forecast of the same day. A run of the test
 * server's job may process today's backlog between the page and the API call: then both are read
 * again.
 */
async function expectPanel(page: Page, path: string, locale: Locale) {
  await page.goto(path);
  const panel = page.getByTestId('forecast-panel');
  await expect(panel.getByRole('heading', { level: 2, name: TEXT[locale].title })).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByTestId('forecast-assumes')).toHaveText(TEXT[locale].assumes);
  await expect(panel.getByTestId('forecast-legend').locator('li .font-medium')).toHaveText([...TEXT[locale].families]);
  await expect(panel.getByRole('img', { name: locale === 'en' ? /^Stacked bar chart of the records/ : /^Gestapelde staafgrafiek/ })).toBeVisible();
  await expect(panel.locator('.recharts-bar-rectangle').first()).toBeVisible();

  const rows = panel.getByTestId('forecast-table').locator('tbody tr[data-month]');
  await expect(rows).toHaveCount(13);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-month')))).toEqual(['now', ...MONTHS]);
  // Months in the user's language, the ISO month in the markup.
  const first = rows.nth(1).locator('time');
  await expect(first).toHaveAttribute('dateTime', MONTHS[0]!);
  await expect(first).toHaveText(formatMonth(locale, MONTHS[0]!));
  await expect(rows.nth(12).locator('time')).toHaveText(formatMonth(locale, MONTHS[11]!));

  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 0) {
      await page.reload();
      await expect(panel.getByTestId('forecast-table')).toBeVisible({ timeout: 20_000 });
    }
    const response = await page.request.get('/api/v1/forecast');
    expect(response.status()).toBe(200);
    const forecast = (await response.json()) as Forecast;
    expect(forecast.asOf).toBe(today);
    const view = buildForecastView(forecast);
    const table = await readForecastTable(page);
    expect(table.columns).toEqual(FORECAST_COLUMNS);
    expect(table.rows).toEqual(expectedForecastRows(view));
    // The figures above the table say the same.
    const count = (n: number) => formatCount(locale, n);
    await expect(panel.getByTestId('forecast-due-now-records')).toContainText(count(view.dueNow.recordsTotal), { timeout: 1000 });
    await expect(panel.getByTestId('forecast-ahead-records')).toContainText(count(view.totals.recordsTotal), { timeout: 1000 });
    await expect(panel.getByTestId('forecast-ahead-actors')).toContainText(count(view.totals.actorsRemoved), { timeout: 1000 });
    expect(view.hasAnythingAhead, 'the demo library has something going in the coming months').toBe(true);
  }).toPass({ timeout: 60_000, intervals: [1000, 5000] });
}

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // Recharts measures its box after a resize.
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    await page.getByTestId('forecast-panel').screenshot({ path: `${SHOTS}/${name}-panel-${width}.png` });
    if (width === 390) {
      const { scrollWidth, innerWidth } = await pageFitsViewport(page);
      expect(scrollWidth, `${name} is no wider than the phone`).toBeLessThanOrEqual(innerWidth);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The job panel alone (its schedule state), at both widths. */
async function shootJobPanel(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator('section[aria-labelledby="job-state-heading"]').screenshot({ path: `${SHOTS}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

for (const locale of ['en', 'nl'] as const) {
  test.describe(`the forecast panel in ${locale === 'en' ? 'English' : 'Dutch'}`, () => {
    test.describe('on /reports as manager', () => {
      test.use({ storageState: authFile('manager') });

      test('shows the assumption, the families, the months and the numbers of GET forecast; axe-clean', async ({ page, baseURL }) => {
        test.setTimeout(120_000);
        await useLocale(page, locale, baseURL);
        await expectPanel(page, '/reports', locale);
        await expectNoSeriousViolations(page, `/reports (${locale})`);
        await shoot(page, `reports-${locale}`);
      });
    });

    test.describe('on /cleanup as ops', () => {
      test.use({ storageState: authFile('ops') });

      test('shows the panel below the live dashboard, and the schedule state as the status says; axe-clean', async ({ page, baseURL }) => {
        test.setTimeout(120_000);
        await useLocale(page, locale, baseURL);
        await expectPanel(page, '/cleanup', locale);
        // The live dashboard is still there, above the panel.
        await expect(page.getByTestId('job-state')).toBeVisible();
        await expect(page.getByTestId('burn-down-chart')).toBeVisible();
        const order = await page.evaluate(() => {
          const job = document.getElementById('job-state-heading');
          const forecast = document.getElementById('forecast-heading');
          return job && forecast ? job.compareDocumentPosition(forecast) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
        });
        expect(order, 'the forecast comes after the job panel').toBeTruthy();

        const status = (await (await page.request.get('/api/v1/cleanup/status')).json()) as { schedule: { state: string; plannedActors: number; queued: number } };
        const schedule = page.getByTestId('schedule-state');
        await expect(schedule).toContainText(TEXT[locale].schedule);
        await expect(schedule).toHaveAttribute('data-state', status.schedule.state);
        if (status.schedule.state === 'current') {
          await expect(page.getByTestId('schedule-state-label')).toHaveText(TEXT[locale].current);
          await expect(page.getByTestId('schedule-state-text')).toContainText(formatCount(locale, status.schedule.plannedActors));
          await expect(page.getByTestId('schedule-state-text')).toContainText(locale === 'en' ? /queued for the next run/ : /klaar voor de volgende run/);
        }
        await expectNoSeriousViolations(page, `/cleanup (${locale})`);
        await shoot(page, `cleanup-${locale}`);
        await shootJobPanel(page, `schedule-current-${locale}`);
      });

      test('says in plain words when the schedule is being re-planned; axe-clean', async ({ page, baseURL }) => {
        test.setTimeout(90_000);
        await useLocale(page, locale, baseURL);
        await page.goto('/cleanup');
        await expect(page.getByTestId('schedule-state')).toBeVisible();
        await showScheduleRebuilding(page);
        const planned = formatCount(locale, REBUILDING.plannedActors);
        const total = formatCount(locale, REBUILDING.actorsTotal);
        await expect(page.getByTestId('schedule-state-text')).toHaveText(
          locale === 'en'
            ? `Planned anew after a settings change: ${planned} of ${total} actors so far. Until it is done, the backlog is as of its last count, and the forecast is worked out from the whole library, which takes longer.`
            : `Na een wijziging van de instellingen wordt alles opnieuw gepland: ${planned} van ${total} klanten tot nu toe. Tot dat klaar is, is de achterstand die van de laatste telling, en wordt de prognose uit de hele bibliotheek berekend, wat langer duurt.`,
        );
        const bar = page.getByRole('progressbar', { name: locale === 'en' ? 'Actors planned' : 'Klanten gepland' });
        await expect(bar).toHaveAttribute('aria-valuenow', String(REBUILDING.plannedActors));
        await expect(bar).toHaveAttribute('aria-valuemax', String(REBUILDING.actorsTotal));
        await expectNoSeriousViolations(page, `/cleanup, schedule re-planned (${locale})`);
        await shootJobPanel(page, `schedule-rebuilding-${locale}`);
      });
    });
  });
}

test.describe('the forecast as support', () => {
  test.use({ storageState: authFile('support') });

  test('is refused: /reports and GET forecast', async ({ page }) => {
    await page.goto('/reports');
    await expect(page).toHaveURL(/\/forbidden$/);
    await expect(page.getByTestId('forecast-panel')).toHaveCount(0);
    expect((await page.request.get('/api/v1/forecast')).status()).toBe(403);
  });
});
