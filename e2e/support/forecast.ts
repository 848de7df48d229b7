import type { Page } from '@playwright/test';
import type { ForecastView } from '../../lib/forecast/view';
import { FAMILY_IDS } from '../../lib/retention/families';
import { patchStatusRoute, refocus } from './status-route';

/*
 * Helpers for the forecast panel (/reports, /cleanup) and the schedule state of the job panel:
 * the panel's table as numbers, the same numbers from a forecast view, and a status answer that
 * says the schedule is being re-planned (a settings change would do it for real, but would change
 * what every other test sees).
 */

/** The table's columns in order: month, the five families, all records, actors removed. */
export const FORECAST_COLUMNS = ['month', ...FAMILY_IDS, 'records', 'actors'];

export type ForecastTableRead = { columns: string[]; rows: Record<string, number[]> };

const digits = (text: string) => Number(text.replace(/[^0-9]/g, ''));

/** The panel's table as shown: its column keys, and each row's numbers by its data-month (`now`, `YYYY-MM`, `total`). */
export async function readForecastTable(page: Page): Promise<ForecastTableRead> {
  const table = page.getByTestId('forecast-table');
  const columns = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column') ?? ''));
  const rows = await table.locator('tr[data-month]').evaluateAll((trs) =>
    trs.map((tr) => ({ month: tr.getAttribute('data-month') ?? '', cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '') })),
  );
  return { columns, rows: Object.fromEntries(rows.map((r) => [r.month, r.cells.map(digits)])) };
}

/** What the table must show for a forecast view: the same rows, keyed alike. */
export function expectedForecastRows(view: ForecastView): Record<string, number[]> {
  const cells = (c: ForecastView['dueNow']) => [...FAMILY_IDS.map((f) => c.records[f]), c.recordsTotal, c.actorsRemoved];
  return {
    now: cells(view.dueNow),
    ...Object.fromEntries(view.entries.map((e) => [e.month, cells(e)])),
    total: cells(view.totals),
  };
}

/** The schedule numbers a re-planning status answer carries. */
export const REBUILDING = { plannedActors: 4321, actorsTotal: 10000 };

/**
 * Makes GET cleanup/status say that the schedule is being re-planned (the rest of the answer is
 * the server's own), and has the open page's live dashboard fetch it: the tab regaining focus
 * makes TanStack Query refetch at once, without waiting for the next poll.
 */
export async function showScheduleRebuilding(page: Page): Promise<void> {
  await patchStatusRoute(page, (status) => ({
    ...status,
    schedule: { ...(status.schedule as Record<string, unknown>), state: 'rebuilding', ...REBUILDING },
  }));
  // The server's own answer is fresh for a second (staleTime); a focus after it refetches.
  await page.waitForTimeout(1100);
  await refocus(page);
  await page.getByTestId('schedule-state').and(page.locator('[data-state="rebuilding"]')).waitFor({ timeout: 20_000 });
}
