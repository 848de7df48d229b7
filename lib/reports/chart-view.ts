import { CATEGORY_FAMILY, FAMILY_IDS, familyOfCategory, type FamilyId } from '@/lib/retention/families';
import type { DayTable, SeriesKind } from './deleted-per-day';

/*
 * What the per-day chart draws, apart from how it draws it: the stacks by family (five colours
 * instead of twenty), or one family's categories when the reader drills into it; and a cap for the
 * few tall days (the first days of a backlog) that would otherwise flatten every other day.
 */

/** One stacked series of the chart: a family or a category, deleted or anonymized. */
export type ChartSeries = {
  key: string;
  kind: SeriesKind;
  /** The family of the series (its colour). */
  family: FamilyId;
  /** The category, when the chart shows one family's categories; null for a family series. */
  category: string | null;
};

/** A day of the chart: its date and the value of each series by key. */
export type ChartDay = { date: string; values: Record<string, number> };

export type ChartView = { series: ChartSeries[]; days: ChartDay[] };

/** What the chart shows: every family, or the categories of one. */
export type ChartScope = 'all' | FamilyId;

export const isChartScope = (value: string): value is ChartScope => value === 'all' || (FAMILY_IDS as readonly string[]).includes(value);

/**
 * The chart's series for a scope: for `all`, one series per family and kind with a count in the
 * range (families in stack order, deleted before anonymized); for a family, its categories' series
 * of the table. Categories the code does not know belong to no family and show in neither.
 */
export function chartView(table: DayTable, scope: ChartScope): ChartView {
  if (scope !== 'all') {
    const series: ChartSeries[] = table.series
      .filter((s) => familyOfCategory(s.category) === scope)
      .map((s) => ({ key: s.key, kind: s.kind, family: scope, category: s.category }));
    return { series, days: table.days.map((d) => ({ date: d.date, values: Object.fromEntries(series.map((s) => [s.key, d.values[s.key] ?? 0])) })) };
  }
  const keyOf = (family: FamilyId, kind: SeriesKind) => `${family}.${kind}`;
  const used = new Set(table.series.flatMap((s) => (familyOfCategory(s.category) ? [keyOf(CATEGORY_FAMILY[s.category as keyof typeof CATEGORY_FAMILY], s.kind)] : [])));
  const series: ChartSeries[] = (['deleted', 'anonymized'] as const).flatMap((kind) =>
    FAMILY_IDS.filter((f) => used.has(keyOf(f, kind))).map((family) => ({ key: keyOf(family, kind), kind, family, category: null })),
  );
  const days = table.days.map((d) => {
    const values: Record<string, number> = Object.fromEntries(series.map((s) => [s.key, 0]));
    for (const s of table.series) {
      const family = familyOfCategory(s.category);
      if (family) values[keyOf(family, s.kind)]! += d.values[s.key] ?? 0;
    }
    return { date: d.date, values };
  });
  return { series, days };
}

/** The families with a count in the range, in stack order (the choices of the drill-down). */
export function familiesInRange(table: DayTable): FamilyId[] {
  const used = new Set(table.series.map((s) => familyOfCategory(s.category)));
  return FAMILY_IDS.filter((f) => used.has(f));
}

/** The height of each day's stacks (deleted and anonymized side by side): the taller of the two. */
export function stackHeights(view: ChartView): number[] {
  return view.days.map((d) => {
    const sum = (kind: SeriesKind) => view.series.reduce((n, s) => (s.kind === kind ? n + (d.values[s.key] ?? 0) : n), 0);
    return Math.max(sum('deleted'), sum('anonymized'));
  });
}

/** The smallest of 1, 2, 2.5 and 5 times a power of ten at or above `n` (an axis-friendly number). */
export function niceCeil(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= n)!;
  return step * power;
}

/** Days whose stacks are this many times the ordinary tall day are outliers. */
const OUTLIER_FACTOR = 3;

/**
 * A cap for the chart's axis when a few days dwarf the rest, else null: three times the upper
 * quartile of the days with something (rounded up to an axis-friendly number), used only when at
 * least one day reaches above it. With fewer than four such days there is nothing ordinary to
 * protect, and no cap.
 */
export function outlierCap(heights: readonly number[]): number | null {
  const busy = heights.filter((h) => h > 0).sort((a, b) => a - b);
  if (busy.length < 4) return null;
  const upperQuartile = busy[Math.ceil(busy.length * 0.75) - 1]!;
  const cap = niceCeil(upperQuartile * OUTLIER_FACTOR);
  return busy.at(-1)! > cap ? cap : null;
}
