import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isIsoDate, monthsCutoff, todayIn } from '@/lib/retention/dates';

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
