import { describe, expect, it } from 'vitest';
import { chartView, familiesInRange, isChartScope, niceCeil, outlierCap, stackHeights } from '@/lib/reports/chart-view';
import { buildDayTable, type DeletedPerDayRow } from '@/lib/reports/deleted-per-day';

const row = (date: string, category: string, deleted: number, anonymized = 0): DeletedPerDayRow => ({ date, category, deleted, anonymized });

describe('the per-day chart by family', () => {
  const table = buildDayTable(
    [
      row('2026-01-30', 'holds', 3),
      row('2026-01-30', 'tickets', 2),
      row('2026-01-30', 'loan_history', 0, 7),
      row('2026-01-31', 'actors', 2),
      row('2026-01-31', 'personal_details', 2),
      row('2026-02-01', 'titles_previously_borrowed', 0, 1),
      row('2026-02-01', 'some_new_category', 5),
    ],
    '2026-01-30',
    '2026-02-01',
  );

  it('stacks the categories by family, deleted before anonymized, families in stack order', () => {
    const view = chartView(table, 'all');
    expect(view.series.map((s) => s.key)).toEqual(['account.deleted', 'service.deleted', 'loans.anonymized']);
    expect(view.series.every((s) => s.category === null)).toBe(true);
    expect(view.days[0]!.values).toEqual({ 'account.deleted': 0, 'service.deleted': 5, 'loans.anonymized': 7 });
    expect(view.days[2]!.values).toEqual({ 'account.deleted': 0, 'service.deleted': 0, 'loans.anonymized': 1 });
    // Actors are not records; a category without a family is in the table, not in a family stack.
    expect(view.days[1]!.values['account.deleted']).toBe(2);
  });

  it('drills into one family: its categories, each its own series', () => {
    const view = chartView(table, 'service');
    expect(view.series.map((s) => [s.key, s.category, s.family])).toEqual([
      ['holds.deleted', 'holds', 'service'],
      ['tickets.deleted', 'tickets', 'service'],
    ]);
    expect(view.days.map((d) => d.values['holds.deleted'])).toEqual([3, 0, 0]);
    expect(chartView(table, 'financial').series).toEqual([]);
  });

  it('offers the families with a count in the range, and knows a scope from anything else', () => {
    expect(familiesInRange(table)).toEqual(['loans', 'account', 'service']);
    expect(['all', 'loans', 'service', 'actors', '', 'toString'].map(isChartScope)).toEqual([true, true, true, false, false, false]);
  });

  it('measures a day by the taller of its two stacks', () => {
    expect(stackHeights(chartView(table, 'all'))).toEqual([7, 2, 1]);
  });
});

describe('the cap for tall days', () => {
  it('rounds up to an axis-friendly number', () => {
    expect([0, 1, 3, 7, 20, 21, 240, 251, 999, 1000, 1001].map(niceCeil)).toEqual([1, 1, 5, 10, 20, 25, 250, 500, 1000, 1000, 2000]);
  });

  it('caps when a few backlog days dwarf the ordinary days', () => {
    const heights = [12000, 9000, 7000, ...Array.from({ length: 80 }, (_, i) => 40 + (i % 30)), 0, 0];
    const cap = outlierCap(heights);
    expect(cap).toBe(200); // three times the upper quartile (63), rounded up
    expect(heights.filter((h) => h > cap!)).toHaveLength(3);
  });

  it('does not cap ordinary ranges, ranges of only tall days, or too few days to tell', () => {
    expect(outlierCap(Array.from({ length: 30 }, (_, i) => 50 + i))).toBeNull();
    expect(outlierCap([12000, 9000, 7000, 8000, 11000])).toBeNull();
    expect(outlierCap([5, 5000, 0, 0])).toBeNull();
    expect(outlierCap([])).toBeNull();
  });
});
