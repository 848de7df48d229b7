import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysInMonth, isIsoDate, monthsCutoff, todayIn } from '@/lib/retention/dates';

describe('calendar months, clamped to month end', () => {
  it.each([
    ['2020-02-29', 12, '2021-02-28'],
    ['2022-01-31', 1, '2022-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2015-01-01', 84, '2022-01-01'],
    ['2022-11-15', 24, '2024-11-15'],
    ['2020-02-29', 48, '2024-02-29'],
    ['2023-03-31', -1, '2023-02-28'],
    ['2023-12-31', 2, '2024-02-29'],
    ['2023-08-31', 6, '2024-02-29'],
    ['1999-12-31', 1200, '2099-12-31'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2023-12-20', 90)).toBe('2024-03-19');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
  });
});

describe('real calendar dates', () => {
  it.each(['2026-02-30', '2026-13-01', '2023-02-29', '2026-00-10', '2026-1-01', '20260101', '', '2026-01-01T00:00:00Z', ' 2026-01-01'])(
    'rejects %j',
    (value) => expect(isIsoDate(value)).toBe(false),
  );
  it.each(['2024-02-29', '2026-12-31', '0001-01-01'])('accepts %s', (value) => expect(isIsoDate(value)).toBe(true));
});

describe('monthsCutoff: a date is older than N months exactly when it is on or before the cutoff', () => {
  // Every day of four years (two leap days, every month end) against a spread of periods.
  const asOfs: string[] = [];
  for (let d = '2023-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) asOfs.push(d);
  it.each([1, 3, 6, 12, 13, 24, 25, 37, 84])('for %i months', (months) => {
    for (const asOf of asOfs) {
      const cutoff = monthsCutoff(asOf, months);
      expect(addMonths(cutoff, months) <= asOf, `${asOf}: cutoff ${cutoff} is older`).toBe(true);
      expect(addMonths(addDays(cutoff, 1), months) > asOf, `${asOf}: the day after ${cutoff} is not older`).toBe(true);
    }
  });

  it('counts 2020-02-29 as 12 months old on 2021-02-28', () => {
    expect(monthsCutoff('2021-02-28', 12)).toBe('2020-02-29');
    expect(monthsCutoff('2021-02-27', 12)).toBe('2020-02-27');
    expect(monthsCutoff('2022-02-28', 1)).toBe('2022-01-31');
  });
});

describe('today in the system time zone', () => {
  it('is the Amsterdam calendar day, not the UTC one', () => {
    expect(todayIn('Europe/Amsterdam', new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(todayIn('UTC', new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
  });
});

describe('the date arithmetic against the calendar of Date, every day of three centuries', () => {
  // dates.ts works on the characters and a table of month lengths (the rules date every record of
  // the library with it); Date is the independent answer.
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const days: string[] = [];
  for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2201, 11, 31); t += 86_400_000) days.push(iso(t));

  // One expect per case costs more than the case: the differences are collected, and must be none.
  it('adds days, forward and back, across months, years and leap days', () => {
    const wrong: string[] = [];
    for (const n of [-4000, -400, -31, -1, 0, 1, 28, 29, 30, 31, 90, 365]) {
      for (const day of days) {
        const [y, m, d] = day.split('-').map(Number) as [number, number, number];
        const want = iso(Date.UTC(y, m - 1, d + n));
        if (addDays(day, n) !== want) wrong.push(`${day} + ${n} days: ${addDays(day, n)}, not ${want}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('adds months, clamped to the month end', () => {
    const wrong: string[] = [];
    for (const n of [-1300, -25, -1, 0, 1, 2, 11, 12, 13, 24, 84, 1200]) {
      for (const day of days) {
        const [y, m, d] = day.split('-').map(Number) as [number, number, number];
        const index = y * 12 + (m - 1) + n;
        const lastDay = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
        const want = iso(Date.UTC(Math.floor(index / 12), index % 12, Math.min(d, lastDay)));
        if (addMonths(day, n) !== want) wrong.push(`${day} + ${n} months: ${addMonths(day, n)}, not ${want}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('knows every month length, and refuses what is not written YYYY-MM-DD', () => {
    for (let year = 1600; year <= 2400; year++)
      for (let month = 1; month <= 12; month++) expect(daysInMonth(year, month)).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
    // Years 0-99 keep Date's reading (1900-1999), as before.
    expect(daysInMonth(0, 2)).toBe(28);
    for (const bad of ['2026-1-01', '2026/01/01', '20260101', '2026-01-0a', '+02026-01-01', '2026-01-01 ', '٢٠٢٦-01-01'])
      expect(() => addDays(bad, 1), bad).toThrow(RangeError);
  });
});
