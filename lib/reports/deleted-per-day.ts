import { stringify } from 'csv-stringify/sync';
import type { DeletedPerDayRow } from '../../db/queries/reports';
import { CATEGORY_IDS } from '../retention/categories';
import { addDays, isSupportedIsoDate, type IsoDate } from '../retention/dates';
import { ISO_DATE_MESSAGE } from '../validation/common';

/*
 * "Deleted customer records per day" (INTERFACES.md, `GET reports/deleted-per-day` and
 * `retention report deleted-per-day`): the range rules and the shapes the screen shows. The numbers
 * themselves come from one query (db/queries/reports.ts getDeletedPerDay) for the API, the screen
 * and the command line; everything here is pure, so the three cannot drift apart.
 */

export type { DeletedPerDayRow };

/** The category under which the counts record actors removed (`deleted` = actors removed). */
export const ACTORS_CATEGORY = 'actors';
/** The default range: the last 30 days up to today, both included. */
export const REPORT_DEFAULT_DAYS = 30;
/**
 * The longest range the API and the screen answer: a year, a leap year included. The data is
 * small, but a range of centuries would make the screen's table (one row per day) and a JSON answer
 * needlessly large; a longer period is a few requests. The command line has no cap.
 */
export const REPORT_MAX_DAYS = 366;

export const LONG_CSV_COLUMNS = ['date', 'category', 'deleted', 'anonymized'] as const;

export type RangeProblem = 'notADate' | 'fromAfterTo' | 'tooLong';

export type ReportRange = { from: IsoDate; to: IsoDate; days: number };

export type RangeResult =
  | ({ ok: true } & ReportRange)
  | { ok: false; parameter: 'from' | 'to'; problem: RangeProblem; message: string; from?: string; to?: string };

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function countDays(from: IsoDate, to: IsoDate): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000) + 1);
}

/**
 * The range asked for, with the defaults of INTERFACES.md: no `to` is today (in the system time
 * zone: the caller passes it), no `from` is 29 days before `to` (30 days in all). A bad value names
 * its parameter: not a real calendar date; `from` after `to`; longer than `maxDays` (named `from`,
 * the end a longer range usually moves).
 */
export function resolveReportRange(input: { from?: string; to?: string }, today: IsoDate, options: { maxDays?: number } = {}): RangeResult {
  if (input.from !== undefined && !isSupportedIsoDate(input.from)) {
    return { ok: false, parameter: 'from', problem: 'notADate', message: ISO_DATE_MESSAGE, from: input.from };
  }
  if (input.to !== undefined && !isSupportedIsoDate(input.to)) {
    return { ok: false, parameter: 'to', problem: 'notADate', message: ISO_DATE_MESSAGE, to: input.to };
  }
  const to = input.to ?? today;
  const from = input.from ?? addDays(to, -(REPORT_DEFAULT_DAYS - 1));
  if (from > to) return { ok: false, parameter: 'from', problem: 'fromAfterTo', message: `must not be after to (from ${from}, to ${to})`, from, to };
  const days = countDays(from, to);
  if (options.maxDays !== undefined && days > options.maxDays) {
    return { ok: false, parameter: 'from', problem: 'tooLong', message: `the range ${from} to ${to} has ${days} days; at most ${options.maxDays} are allowed`, from, to };
  }
  return { ok: true, from, to, days };
}

/** The last `days` days up to `today`, both included (the quick choices of the screen). */
export function lastDays(today: IsoDate, days: number): { from: IsoDate; to: IsoDate } {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** Every calendar day from `from` to `to`, both included, in order. */
export function daysOfRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export type SeriesKind = 'deleted' | 'anonymized';
/** One column of the table (and one series of the chart): a category's deleted or anonymized records. */
export type Series = { key: string; category: string; kind: SeriesKind };

export type DayRow = {
  date: IsoDate;
  /** Records per series key; 0 where nothing was done. */
  values: Record<string, number>;
  /** Records deleted (erased included) and anonymized that day, over all categories. */
  deleted: number;
  anonymized: number;
  /** Actors removed that day. */
  actors: number;
};

export type DayTable = {
  from: IsoDate;
  to: IsoDate;
  /** The record series with a count in the range: RETENTION.md's category order, deleted before anonymized. */
  series: Series[];
  /** One row per day of the range, days with nothing included. */
  days: DayRow[];
  totals: Omit<DayRow, 'date'>;
};

export const seriesKey = (category: string, kind: SeriesKind) => `${category}.${kind}`;

const CATEGORY_ORDER = new Map<string, number>(CATEGORY_IDS.map((id, i) => [id, i]));

function compareCategories(a: string, b: string): number {
  // A category the code does not know (a newer database) still shows, after the known ones.
  const ia = CATEGORY_ORDER.get(a) ?? CATEGORY_IDS.length;
  const ib = CATEGORY_ORDER.get(b) ?? CATEGORY_IDS.length;
  return ia - ib || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The long rows of the API (only days and categories with counts) as the screen's table: one row
 * per day of the range with zeros where nothing happened, a column per category and kind that has
 * a count in the range, actors removed apart, and the totals. Rows outside the range are ignored.
 */
export function buildDayTable(rows: readonly DeletedPerDayRow[], from: IsoDate, to: IsoDate): DayTable {
  const inRange = rows.filter((r) => r.date >= from && r.date <= to);
  const used = new Map<string, Series>();
  for (const r of inRange) {
    if (r.category === ACTORS_CATEGORY) continue;
    for (const kind of ['deleted', 'anonymized'] as const) {
      if (r[kind] > 0) used.set(seriesKey(r.category, kind), { key: seriesKey(r.category, kind), category: r.category, kind });
    }
  }
  const series = [...used.values()].sort((a, b) => compareCategories(a.category, b.category) || (a.kind === b.kind ? 0 : a.kind === 'deleted' ? -1 : 1));
  const emptyValues = () => Object.fromEntries(series.map((s) => [s.key, 0])) as Record<string, number>;
  const byDate = new Map<IsoDate, DayRow>(daysOfRange(from, to).map((date) => [date, { date, values: emptyValues(), deleted: 0, anonymized: 0, actors: 0 }]));
  const totals: DayTable['totals'] = { values: emptyValues(), deleted: 0, anonymized: 0, actors: 0 };
  for (const r of inRange) {
    const day = byDate.get(r.date)!;
    if (r.category === ACTORS_CATEGORY) {
      day.actors += r.deleted;
      totals.actors += r.deleted;
      continue;
    }
    for (const kind of ['deleted', 'anonymized'] as const) {
      if (r[kind] === 0) continue;
      const key = seriesKey(r.category, kind);
      day.values[key]! += r[kind];
      totals.values[key]! += r[kind];
      day[kind] += r[kind];
      totals[kind] += r[kind];
    }
  }
  return { from, to, series, days: [...byDate.values()], totals };
}

/** The CSV of the API and the command line: the long rows, header `date,category,deleted,anonymized` always. */
export function longCsv(rows: readonly DeletedPerDayRow[]): string {
  return stringify(rows as DeletedPerDayRow[], { header: true, columns: [...LONG_CSV_COLUMNS] });
}

/** The header of the screen's CSV: `date`, one column per series (`holds.deleted`), `actors.removed`. */
export function wideCsvHeader(table: DayTable): string[] {
  return ['date', ...table.series.map((s) => s.key), `${ACTORS_CATEGORY}.removed`];
}

/**
 * The screen's CSV: exactly the table's rows and columns (every day of the range, zeros included),
 * without the totals row, so a spreadsheet can sum it itself.
 */
export function wideCsv(table: DayTable): string {
  const records = table.days.map((d) => [d.date, ...table.series.map((s) => d.values[s.key] ?? 0), d.actors]);
  return stringify(records, { header: true, columns: wideCsvHeader(table) });
}
