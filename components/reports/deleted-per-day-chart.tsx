'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SelectField } from '@/components/ui/select-field';
import { CategoryName, useTerms } from '@/components/ui/terms';
import { formatCount, formatIsoDate, formatShortIsoDate } from '@/i18n/format';
import type { AppLocale } from '@/i18n/locales';
import { chartView, familiesInRange, isChartScope, outlierCap, stackHeights, type ChartScope, type ChartSeries } from '@/lib/reports/chart-view';
import type { DayTable } from '@/lib/reports/deleted-per-day';
import { ACTORS_COLOR, seriesColor, swatchBackground } from './category-colors';
import { CappedDays, KindLegend, NoneInRange } from './chart-notes';

/**
 * Pixels per day below which the charts scroll sideways instead of squeezing (a phone, a long
 * range): wide enough for two stacks a day in a month, thinner bars for a quarter or a year.
 */
const minDayWidth = (days: number) => (days <= 31 ? 14 : days <= 120 ? 8 : 3);
const Y_AXIS_WIDTH = 56;
const HATCH_PREFIX = 'dpd-hatch-';
const TICK = { fontSize: 12, fill: 'var(--color-muted)' };

/** The mark above a bar that is cut off at the cap: a small triangle pointing up. */
function CapMark({ cx, cy }: { cx?: number; cy?: number }) {
  if (cx === undefined || cy === undefined) return null;
  return <path d={`M ${cx - 5} ${cy - 2} L ${cx + 5} ${cy - 2} L ${cx} ${cy - 10} Z`} fill="var(--color-ink)" />;
}

/** The checkbox that switches a chart's cap on and off. */
function CapToggle({ checked, onChange, label, className, testId }: { checked: boolean; onChange: (on: boolean) => void; label: string; className: string; testId: string }) {
  return (
    <label className={`inline-flex items-center gap-2 text-sm text-ink ${className}`}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="size-4 accent-brand" data-testid={testId} />
      {label}
    </label>
  );
}

/** A Y axis's domain: up to the cap, the taller bars drawn past it (cut off), or the data's own. */
function cappedDomain(capped: number | null): { domain: [number, number | 'auto']; allowDataOverflow: boolean } {
  return capped !== null ? { domain: [0, capped], allowDataOverflow: true } : { domain: [0, 'auto'], allowDataOverflow: false };
}

/**
 * The cap of one chart (outlierCap) and, when the reader keeps it on, the days cut off at it with
 * their full heights.
 */
function capView(days: readonly { date: string }[], heights: readonly number[], on: boolean) {
  const cap = outlierCap(heights);
  const capped = on && cap !== null ? cap : null;
  const cappedDays = capped === null ? [] : days.flatMap((d, i) => (heights[i]! > capped ? [{ date: d.date, height: heights[i]! }] : []));
  return { cap, capped, cappedDays };
}

/**
 * The two charts of the report (client: Recharts measures the page, and the reader's choices are
 * kept here): records per day stacked by family in the families' colours, or, drilled into one
 * family, by its categories in shades of its colour; deleted and anonymized as two stacks side by
 * side (solid and hatched). When a few days (the first days of a backlog) dwarf the rest, the axis
 * is capped so the other days can be read, the tall bars cut off and marked, and their numbers said
 * in words; a checkbox shows the full scale. The actors removed per day have a small chart of their
 * own, capped the same way. A chart with nothing to draw says so. No animation, so screenshots and
 * tests see the final bars. Each chart is one image for assistive technology; the table below has
 * the numbers.
 */
export function DeletedPerDayChart({ table }: { table: DayTable }) {
  const t = useTranslations('reports.chart');
  const tReports = useTranslations('reports');
  const tFamily = useTranslations('families');
  const terms = useTerms();
  const locale = useLocale() as AppLocale;
  const [scope, setScope] = useState<ChartScope>('all');
  const [capOn, setCapOn] = useState(true);
  const [actorsCapOn, setActorsCapOn] = useState(true);

  const families = familiesInRange(table);
  const view = chartView(table, scope);
  const { cap, capped, cappedDays } = capView(view.days, stackHeights(view), capOn);
  // The actors removed have the same outliers (a backlog's first days remove hundreds, then a few a
  // day), so their chart is capped the same way, with its own choice.
  const actorsCap = capView(table.days, table.days.map((d) => d.actors), actorsCapOn);
  const label = (s: ChartSeries) => (s.category ? terms.category(s.category) : tFamily(s.family));
  const data = view.days.map((d) => ({ date: d.date, ...Object.fromEntries(view.series.map((s, i) => [`s${i}`, d.values[s.key] ?? 0])) }));
  const actorsData = table.days.map((d) => ({ date: d.date, actors: d.actors }));
  const byDate = new Map(table.days.map((d, i) => [d.date, { day: d, values: view.days[i]!.values }]));
  const minWidth = table.days.length * minDayWidth(table.days.length) + Y_AXIS_WIDTH + 36;
  const from = formatIsoDate(locale, table.from);
  const to = formatIsoDate(locale, table.to);
  const scopeName = scope === 'all' ? null : tFamily(scope);

  const xAxis = (
    <XAxis dataKey="date" tickFormatter={(date: string) => formatShortIsoDate(locale, date)} tick={TICK} tickLine={false} axisLine={{ stroke: 'var(--color-line)' }} minTickGap={18} interval="preserveStartEnd" />
  );
  const tooltip = (kind: 'records' | 'actors') => (
    <Tooltip
      cursor={{ fill: 'var(--color-brand-soft)' }}
      isAnimationActive={false}
      content={({ active, label: date }) => {
        const entry = active && typeof date === 'string' ? byDate.get(date) : undefined;
        if (!entry) return null;
        const lines =
          kind === 'actors'
            ? [{ key: 'actors', text: tReports('actorsLabel'), value: entry.day.actors, background: ACTORS_COLOR }]
            : view.series
                .filter((s) => (entry.values[s.key] ?? 0) > 0)
                .map((s) => ({ key: s.key, text: `${label(s)} · ${tReports(`kinds.${s.kind}`)}`, value: entry.values[s.key]!, background: swatchBackground(seriesColor(s), s.kind) }));
        const cutAt = kind === 'records' ? capped : actorsCap.capped;
        const cut = (kind === 'records' ? cappedDays : actorsCap.cappedDays).some((c) => c.date === entry.day.date);
        return (
          <div className="max-w-xs rounded-md border border-line bg-surface px-3 py-2 text-xs shadow-md">
            <p className="font-semibold text-ink">{formatIsoDate(locale, entry.day.date)}</p>
            {lines.length === 0 ? <p className="mt-1 text-muted">{t('tooltipNothing')}</p> : null}
            <ul className="mt-1 space-y-0.5">
              {lines.map((line) => (
                <li key={line.key} className="flex items-center gap-2">
                  <span aria-hidden="true" className="size-2.5 shrink-0 rounded-sm" style={{ background: line.background }} />
                  <span>{line.text}</span>
                  <span className="ml-auto pl-3 tabular-nums">{formatCount(locale, line.value)}</span>
                </li>
              ))}
            </ul>
            {cut ? <p className="mt-1 font-medium text-ink">{t('tooltipCapped', { cap: formatCount(locale, cutAt!) })}</p> : null}
          </div>
        );
      }}
    />
  );

  const scopeOptions = [{ value: 'all', label: t('scopeAll') }, ...families.map((f) => ({ value: f, label: t('scopeFamily', { family: tFamily(f) }) }))];
  const hasRecords = view.series.length > 0;
  const hasActors = table.totals.actors > 0;

  return (
    <div>
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        {families.length > 0 ? (
          <SelectField
            name="scope"
            label={t('scopeLabel')}
            options={scopeOptions}
            value={scope}
            onChange={(e) => isChartScope(e.target.value) && setScope(e.target.value)}
            className="w-64"
            data-testid="chart-scope"
          />
        ) : null}
        {cap !== null ? <CapToggle checked={capOn} onChange={setCapOn} label={t('capLabel', { cap: formatCount(locale, cap) })} className="pb-2" testId="chart-cap" /> : null}
      </div>
      <KindLegend hasAnonymized={view.series.some((s) => s.kind === 'anonymized')} />
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1.5 text-xs" data-testid="chart-legend" aria-label={t('legendLabel')}>
        {view.series.map((s) => (
          <li key={s.key} className="inline-flex items-center gap-1.5" data-series={s.key}>
            <span aria-hidden="true" className="inline-block size-3 shrink-0 rounded-sm" style={{ background: swatchBackground(seriesColor(s), s.kind) }} />
            {s.category ? <CategoryName id={s.category} className="text-ink" /> : <span className="text-ink">{tFamily(s.family)}</span>}
            <span className="text-muted">· {tReports(`kinds.${s.kind}`)}</span>
          </li>
        ))}
      </ul>

      <h3 className="mt-4 text-sm font-medium text-ink">{scopeName ? t('recordsHeadingFamily', { family: scopeName }) : t('recordsHeading')}</h3>
      {hasRecords ? (
        <>
          {cappedDays.length > 0 ? <CappedDays cap={capped!} days={cappedDays} /> : null}
          <div className="mt-2 overflow-x-auto rounded-md focus-visible:outline-2 focus-visible:outline-brand" tabIndex={0} role="region" aria-label={t('scrollLabel')}>
            <div style={{ minWidth }} data-testid="charts">
              <div role="img" aria-label={`${t('alt', { from, to })}${capped !== null ? ` ${t('altCapped', { cap: formatCount(locale, capped) })}` : ''}`} className="h-72" data-capped={capped ?? undefined}>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={data} accessibilityLayer={false} barCategoryGap="12%" barGap={1} margin={{ top: capped !== null ? 14 : 4, right: 28, bottom: 0, left: 0 }}>
                    <defs>
                      {view.series.map((s, i) =>
                        s.kind === 'anonymized' ? (
                          <pattern key={s.key} id={`${HATCH_PREFIX}${i}`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                            <rect width="6" height="6" fill={seriesColor(s)} fillOpacity={0.25} />
                            <rect width="3" height="6" fill={seriesColor(s)} />
                          </pattern>
                        ) : null,
                      )}
                    </defs>
                    <CartesianGrid vertical={false} stroke="var(--color-line)" />
                    {xAxis}
                    <YAxis
                      width={Y_AXIS_WIDTH}
                      allowDecimals={false}
                      {...cappedDomain(capped)}
                      tick={TICK}
                      tickLine={false}
                      axisLine={false}
                      tickFormatter={(n: number) => formatCount(locale, n)}
                    />
                    {tooltip('records')}
                    {view.series.map((s, i) => (
                      <Bar
                        key={s.key}
                        dataKey={`s${i}`}
                        name={s.key}
                        stackId={s.kind}
                        fill={s.kind === 'anonymized' ? `url(#${HATCH_PREFIX}${i})` : seriesColor(s)}
                        stroke="var(--color-surface)"
                        strokeWidth={0.5}
                        isAnimationActive={false}
                      />
                    ))}
                    {cappedDays.map((c) => (
                      <ReferenceDot key={c.date} x={c.date} y={capped!} ifOverflow="visible" shape={<CapMark />} />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </div>
          </div>
        </>
      ) : (
        <NoneInRange testId="records-none" />
      )}

      <h3 className="mt-5 text-sm font-medium text-ink">{t('actorsHeading')}</h3>
      {hasActors ? (
        <>
          {actorsCap.cap !== null ? (
            <CapToggle checked={actorsCapOn} onChange={setActorsCapOn} label={t('actorsCapLabel', { cap: formatCount(locale, actorsCap.cap) })} className="mt-2" testId="actors-chart-cap" />
          ) : null}
          {actorsCap.cappedDays.length > 0 ? <CappedDays cap={actorsCap.capped!} days={actorsCap.cappedDays} unit="actors" /> : null}
          <div className="mt-2 overflow-x-auto rounded-md focus-visible:outline-2 focus-visible:outline-brand" tabIndex={0} role="region" aria-label={t('actorsScrollLabel')}>
            <div style={{ minWidth }} data-testid="actors-chart">
              <div
                role="img"
                aria-label={`${t('actorsAlt', { from, to })}${actorsCap.capped !== null ? ` ${t('actorsAltCapped', { cap: formatCount(locale, actorsCap.capped) })}` : ''}`}
                className="h-32"
                data-capped={actorsCap.capped ?? undefined}
              >
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={actorsData} accessibilityLayer={false} barCategoryGap="12%" margin={{ top: actorsCap.capped !== null ? 14 : 4, right: 28, bottom: 0, left: 0 }}>
                    <CartesianGrid vertical={false} stroke="var(--color-line)" />
                    {xAxis}
                    <YAxis
                      width={Y_AXIS_WIDTH}
                      allowDecimals={false}
                      tickCount={3}
                      {...cappedDomain(actorsCap.capped)}
                      tick={TICK}
                      tickLine={false}
                      axisLine={false}
                      tickFormatter={(n: number) => formatCount(locale, n)}
                    />
                    {tooltip('actors')}
                    <Bar dataKey="actors" name="actors" fill={ACTORS_COLOR} isAnimationActive={false} />
                    {actorsCap.cappedDays.map((c) => (
                      <ReferenceDot key={c.date} x={c.date} y={actorsCap.capped!} ifOverflow="visible" shape={<CapMark />} />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </div>
          </div>
        </>
      ) : (
        <NoneInRange testId="actors-none" />
      )}
    </div>
  );
}
