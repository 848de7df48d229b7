'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatIsoDate, formatShortIsoDate } from '@/i18n/format';
import type { AppLocale } from '@/i18n/locales';
import type { DayTable } from '@/lib/reports/deleted-per-day';
import { ACTORS_COLOR, categoryColor, swatchBackground } from './category-colors';

type Props = {
  table: DayTable;
  /** Translated label per category id. */
  labels: Record<string, string>;
};

/**
 * Pixels per day below which the charts scroll sideways instead of squeezing (a phone, a long
 * range): wide enough for two stacks a day in a month, thinner bars for a quarter or a year.
 */
const minDayWidth = (days: number) => (days <= 31 ? 14 : days <= 120 ? 8 : 3);
const Y_AXIS_WIDTH = 56;
const HATCH_PREFIX = 'dpd-hatch-';

/**
 * The two charts of the report (client: Recharts measures the page): records per day as stacked
 * bars per category, deleted and anonymized as two stacks side by side (solid and hatched), and the
 * actors removed per day as a small bar chart of its own on the same days. Both scroll together
 * sideways when the days do not fit. No animation, so screenshots and tests see the final bars.
 * The charts are one image each for assistive technology; the table below has the numbers.
 */
export function DeletedPerDayChart({ table, labels }: Props) {
  const t = useTranslations('reports');
  const locale = useLocale() as AppLocale;
  const data = table.days.map((d) => {
    const point: Record<string, number | string> = { date: d.date, actors: d.actors };
    table.series.forEach((s, i) => (point[`s${i}`] = d.values[s.key] ?? 0));
    return point;
  });
  const byDate = new Map(table.days.map((d) => [d.date, d]));
  const hasAnonymized = table.series.some((s) => s.kind === 'anonymized');
  const minWidth = table.days.length * minDayWidth(table.days.length) + Y_AXIS_WIDTH + 36;
  const tick = { fontSize: 12, fill: 'var(--color-muted)' };
  const xAxis = (
    <XAxis
      dataKey="date"
      tickFormatter={(date: string) => formatShortIsoDate(locale, date)}
      tick={tick}
      tickLine={false}
      axisLine={{ stroke: 'var(--color-line)' }}
      minTickGap={18}
      interval="preserveStartEnd"
    />
  );
  const from = formatIsoDate(locale, table.from);
  const to = formatIsoDate(locale, table.to);

  const tooltip = (kind: 'records' | 'actors') => (
    <Tooltip
      cursor={{ fill: 'var(--color-brand-soft)' }}
      isAnimationActive={false}
      content={({ active, label }) => {
        const day = active && typeof label === 'string' ? byDate.get(label) : undefined;
        if (!day) return null;
        const lines =
          kind === 'actors'
            ? [{ key: 'actors', text: t('actorsLabel'), value: day.actors, background: ACTORS_COLOR }]
            : table.series
                .filter((s) => (day.values[s.key] ?? 0) > 0)
                .map((s) => ({
                  key: s.key,
                  text: `${s.category} · ${t(s.kind === 'deleted' ? 'chart.tooltipDeleted' : 'chart.tooltipAnonymized')}`,
                  value: day.values[s.key]!,
                  background: swatchBackground(categoryColor(s.category), s.kind),
                }));
        return (
          <div className="max-w-xs rounded-md border border-line bg-surface px-3 py-2 text-xs shadow-md">
            <p className="font-semibold text-ink">
              {formatIsoDate(locale, day.date)} <span className="font-normal text-muted">({day.date})</span>
            </p>
            {lines.length === 0 ? <p className="mt-1 text-muted">{t('chart.tooltipNothing')}</p> : null}
            <ul className="mt-1 space-y-0.5">
              {lines.map((line) => (
                <li key={line.key} className="flex items-center gap-2">
                  <span aria-hidden="true" className="size-2.5 shrink-0 rounded-sm" style={{ background: line.background }} />
                  <span className="font-mono">{line.text}</span>
                  <span className="ml-auto pl-3 tabular-nums">{formatCount(locale, line.value)}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      }}
    />
  );

  return (
    <div>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm text-ink" aria-label={t('chart.legendLabel')} role="group">
        <span className="inline-flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm bg-cat-history" />
          {t('chart.solid')}
        </span>
        <span className="inline-flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm" style={{ background: swatchBackground('var(--color-cat-history)', 'anonymized') }} />
          {t('chart.hatched')}
        </span>
      </div>
      {hasAnonymized ? <p className="mt-1 text-xs text-muted">{t('chart.kindNote')}</p> : null}
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1.5 text-xs" data-testid="chart-legend">
        {table.series.map((s) => (
          <li key={s.key} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block size-3 shrink-0 rounded-sm" style={{ background: swatchBackground(categoryColor(s.category), s.kind) }} />
            <span className="font-mono text-ink">{s.category}</span>
            <span className="text-muted">
              {labels[s.category] ?? s.category} · {t(`kinds.${s.kind}`)}
            </span>
          </li>
        ))}
        <li className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-3 shrink-0 rounded-sm" style={{ background: ACTORS_COLOR }} />
          <span className="font-mono text-ink">actors</span>
          <span className="text-muted">{t('actorsLabel')}</span>
        </li>
      </ul>

      <div className="mt-4 overflow-x-auto rounded-md focus-visible:outline-2 focus-visible:outline-brand" tabIndex={0} role="region" aria-label={t('chart.scrollLabel')}>
        <div style={{ minWidth }} data-testid="charts">
          <h3 className="text-sm font-medium text-ink">{t('chart.recordsHeading')}</h3>
          <div role="img" aria-label={t('chart.alt', { from, to })} className="mt-2 h-72">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} accessibilityLayer={false} barCategoryGap="12%" barGap={1} margin={{ top: 4, right: 28, bottom: 0, left: 0 }}>
                <defs>
                  {table.series.map((s, i) =>
                    s.kind === 'anonymized' ? (
                      <pattern key={s.key} id={`${HATCH_PREFIX}${i}`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                        <rect width="6" height="6" fill={categoryColor(s.category)} fillOpacity={0.25} />
                        <rect width="3" height="6" fill={categoryColor(s.category)} />
                      </pattern>
                    ) : null,
                  )}
                </defs>
                <CartesianGrid vertical={false} stroke="var(--color-line)" />
                {xAxis}
                <YAxis width={Y_AXIS_WIDTH} allowDecimals={false} tick={tick} tickLine={false} axisLine={false} tickFormatter={(n: number) => formatCount(locale, n)} />
                {tooltip('records')}
                {table.series.map((s, i) => (
                  <Bar
                    key={s.key}
                    dataKey={`s${i}`}
                    name={s.key}
                    stackId={s.kind}
                    fill={s.kind === 'anonymized' ? `url(#${HATCH_PREFIX}${i})` : categoryColor(s.category)}
                    stroke="var(--color-surface)"
                    strokeWidth={0.5}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>

          <h3 className="mt-5 text-sm font-medium text-ink">{t('chart.actorsHeading')}</h3>
          <div role="img" aria-label={t('chart.actorsAlt', { from, to })} className="mt-2 h-32">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} accessibilityLayer={false} barCategoryGap="12%" margin={{ top: 4, right: 28, bottom: 0, left: 0 }}>
                <CartesianGrid vertical={false} stroke="var(--color-line)" />
                {xAxis}
                <YAxis width={Y_AXIS_WIDTH} allowDecimals={false} tickCount={3} tick={tick} tickLine={false} axisLine={false} tickFormatter={(n: number) => formatCount(locale, n)} />
                {tooltip('actors')}
                <Bar dataKey="actors" name="actors" fill={ACTORS_COLOR} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </div>
      </div>
    </div>
  );
}
