import { describe, expect, it } from 'vitest';
import {
  buildDayTable,
  countDays,
  daysOfRange,
  lastDays,
  longCsv,
  REPORT_MAX_DAYS,
  resolveReportRange,
  wideCsv,
  wideCsvHeader,
  type DeletedPerDayRow,
} from '@/lib/reports/deleted-per-day';
import { todayIn } from '@/lib/retention/dates';

const row = (date: string, category: string, deleted: number, anonymized = 0): DeletedPerDayRow => ({ date, category, deleted, anonymized });

describe('the range of the report', () => {
  it('defaults to the last 30 days up to today', () => {
    expect(resolveReportRange({}, '2026-11-24')).toEqual({ ok: true, from: '2026-10-26', to: '2026-11-24', days: 30 });
    expect(resolveReportRange({ to: '2026-03-01' }, '2026-11-24')).toEqual({ ok: true, from: '2026-01-31', to: '2026-03-01', days: 30 });
    expect(resolveReportRange({ from: '2026-11-01' }, '2026-11-24')).toEqual({ ok: true, from: '2026-11-01', to: '2026-11-24', days: 24 });
  });

  it('counts across month ends and leap days', () => {
    expect(resolveReportRange({ to: '2024-03-01' }, '2026-11-24')).toMatchObject({ from: '2024-02-01', days: 30 }); // 2024 is a leap year
    expect(resolveReportRange({ from: '2024-02-28', to: '2024-03-01' }, '2026-11-24')).toMatchObject({ days: 3 });
    expect(resolveReportRange({ from: '2025-02-28', to: '2025-03-01' }, '2026-11-24')).toMatchObject({ days: 2 });
    expect(resolveReportRange({ from: '2025-12-31', to: '2026-01-01' }, '2026-11-24')).toMatchObject({ days: 2 });
    expect(daysOfRange('2024-02-27', '2024-03-02')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02']);
    expect(daysOfRange('2026-04-29', '2026-05-02')).toEqual(['2026-04-29', '2026-04-30', '2026-05-01', '2026-05-02']);
  });

  it('has each day once across the DST changes of Europe/Amsterdam (2026-03-29, 2026-10-25)', () => {
    expect(daysOfRange('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(daysOfRange('2026-10-24', '2026-10-26')).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
    expect(countDays('2026-03-01', '2026-03-31')).toBe(31);
    expect(countDays('2026-10-01', '2026-10-31')).toBe(31);
    // Today in Amsterdam at the moments around the changes, and the default range that ends there.
    const tz = 'Europe/Amsterdam';
    expect(todayIn(tz, new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28'); // 23:59:59 CET
    expect(todayIn(tz, new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29'); // midnight CET
    expect(todayIn(tz, new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29'); // 23:59:59 CEST, a 23-hour day
    expect(todayIn(tz, new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    expect(todayIn(tz, new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25'); // a 25-hour day ends
    expect(todayIn(tz, new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
    const range = resolveReportRange({}, todayIn(tz, new Date('2026-03-29T22:30:00Z')));
    expect(range).toEqual({ ok: true, from: '2026-03-01', to: '2026-03-30', days: 30 });
    expect(buildDayTable([], '2026-10-24', '2026-10-26').days.map((d) => d.date)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
  });

  it('takes a single day', () => {
    expect(resolveReportRange({ from: '2026-11-24', to: '2026-11-24' }, '2026-11-24')).toEqual({ ok: true, from: '2026-11-24', to: '2026-11-24', days: 1 });
    expect(lastDays('2026-11-24', 1)).toEqual({ from: '2026-11-24', to: '2026-11-24' });
    expect(lastDays('2026-03-01', 7)).toEqual({ from: '2026-02-23', to: '2026-03-01' });
  });

  it.each([
    [{ from: '2025-02-30' }, 'from', 'notADate'],
    [{ from: '2025-13-01' }, 'from', 'notADate'],
    [{ from: 'yesterday' }, 'from', 'notADate'],
    [{ from: '' }, 'from', 'notADate'],
    [{ to: '2023-02-29' }, 'to', 'notADate'],
    [{ to: '2026-1-5' }, 'to', 'notADate'],
    [{ from: '2026-11-02', to: '2026-11-01' }, 'from', 'fromAfterTo'],
    [{ from: '2026-12-01' }, 'from', 'fromAfterTo'],
    [{ from: '2025-11-23', to: '2026-11-24' }, 'from', 'tooLong'],
  ] as const)('refuses %j, naming %s', (input, parameter, problem) => {
    expect(resolveReportRange(input, '2026-11-24', { maxDays: REPORT_MAX_DAYS })).toMatchObject({ ok: false, parameter, problem });
  });

  it('allows a year, a leap year included, and no cap when none is given', () => {
    expect(resolveReportRange({ from: '2024-01-01', to: '2024-12-31' }, '2026-11-24', { maxDays: REPORT_MAX_DAYS })).toMatchObject({ ok: true, days: 366 });
    expect(resolveReportRange({ from: '2000-01-01', to: '2026-11-24' }, '2026-11-24')).toMatchObject({ ok: true, days: 9825 });
  });
});

describe('the table of the screen', () => {
  const rows = [
    row('2026-01-30', 'holds', 3),
    row('2026-01-30', 'loan_history', 0, 7),
    row('2026-01-31', 'actors', 2),
    row('2026-01-31', 'personal_details', 2),
    row('2026-02-02', 'holds', 1),
    row('2026-02-02', 'loan_history', 1, 4),
    row('2026-02-02', 'some_new_category', 5),
    row('2026-02-03', 'holds', 100), // outside the range
  ];

  it('has every day of the range, zeros where nothing happened, and the columns with counts in RETENTION.md order', () => {
    const table = buildDayTable(rows, '2026-01-30', '2026-02-02');
    expect(table.series.map((s) => s.key)).toEqual(['personal_details.deleted', 'loan_history.deleted', 'loan_history.anonymized', 'holds.deleted', 'some_new_category.deleted']);
    expect(table.days.map((d) => d.date)).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
    expect(table.days[2]).toEqual({
      date: '2026-02-01',
      values: { 'personal_details.deleted': 0, 'loan_history.deleted': 0, 'loan_history.anonymized': 0, 'holds.deleted': 0, 'some_new_category.deleted': 0 },
      deleted: 0,
      anonymized: 0,
      actors: 0,
    });
    expect(table.days[3]).toMatchObject({ values: { 'holds.deleted': 1, 'loan_history.deleted': 1, 'loan_history.anonymized': 4 }, deleted: 7, anonymized: 4, actors: 0 });
    expect(table.days[1]).toMatchObject({ actors: 2, deleted: 2 });
  });

  it('totals each column and the whole range, and they add up to the API rows', () => {
    const table = buildDayTable(rows, '2026-01-30', '2026-02-02');
    expect(table.totals).toEqual({
      values: { 'personal_details.deleted': 2, 'loan_history.deleted': 1, 'loan_history.anonymized': 11, 'holds.deleted': 4, 'some_new_category.deleted': 5 },
      deleted: 12,
      anonymized: 11,
      actors: 2,
    });
    const inRange = rows.filter((r) => r.date <= '2026-02-02' && r.category !== 'actors');
    expect(table.totals.deleted).toBe(inRange.reduce((n, r) => n + r.deleted, 0));
    expect(table.totals.anonymized).toBe(inRange.reduce((n, r) => n + r.anonymized, 0));
    for (const s of table.series) expect(table.days.reduce((n, d) => n + d.values[s.key]!, 0)).toBe(table.totals.values[s.key]);
  });

  it('shows a range with nothing as days of zeros, and a single day as one row', () => {
    const empty = buildDayTable([], '2026-02-27', '2026-03-02');
    expect(empty.series).toEqual([]);
    expect(empty.days.map((d) => [d.date, d.deleted, d.anonymized, d.actors])).toEqual([
      ['2026-02-27', 0, 0, 0],
      ['2026-02-28', 0, 0, 0],
      ['2026-03-01', 0, 0, 0],
      ['2026-03-02', 0, 0, 0],
    ]);
    const single = buildDayTable(rows, '2026-01-31', '2026-01-31');
    expect(single.days).toHaveLength(1);
    expect(single.series.map((s) => s.key)).toEqual(['personal_details.deleted']);
    expect(single.totals).toMatchObject({ deleted: 2, actors: 2 });
  });
});

describe('the CSV files', () => {
  it('the long CSV of the API always has its header line', () => {
    expect(longCsv([])).toBe('date,category,deleted,anonymized\n');
    expect(longCsv([row('2026-01-30', 'loan_history', 0, 7)])).toBe('date,category,deleted,anonymized\n2026-01-30,loan_history,0,7\n');
  });

  it('the wide CSV of the screen is the table: every day, a column per series, actors removed last', () => {
    const table = buildDayTable([row('2026-01-30', 'holds', 3), row('2026-01-30', 'actors', 1), row('2026-02-01', 'loan_history', 0, 2)], '2026-01-30', '2026-02-01');
    expect(wideCsvHeader(table)).toEqual(['date', 'loan_history.anonymized', 'holds.deleted', 'actors.removed']);
    expect(wideCsv(table)).toBe(['date,loan_history.anonymized,holds.deleted,actors.removed', '2026-01-30,0,3,1', '2026-01-31,0,0,0', '2026-02-01,2,0,0', ''].join('\n'));
    expect(wideCsv(buildDayTable([], '2026-01-30', '2026-01-30'))).toBe('date,actors.removed\n2026-01-30,0\n');
  });
});
