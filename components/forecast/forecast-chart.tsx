'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { FAMILY_COLOR } from '@/components/ui/family-colors';
import { formatCount } from '@/i18n/format';
import type { FamilyId } from '@/lib/retention/families';

/** One month of the forecast as the chart draws it; the labels are in the user's language. */
export type ForecastChartPoint = Record<FamilyId, number> & {
  month: string;
  /** The axis label: the month's short name ("Mar" / "mrt"). */
  monthLabel: string;
  /** The year, shown under the first month on the axis and wherever the year changes. */
  year: string;
  /** The tooltip's heading: "Mar 2027" / "mrt 2027". */
  fullLabel: string;
  recordsTotal: number;
  actorsRemoved: number;
};

type Props = {
  data: ForecastChartPoint[];
  /** The families in stack order (bottom first), with their names. */
  families: { id: FamilyId; label: string }[];
  /** The first and last month, as the alt texts name them. */
  range: { from: string; to: string };
};

const Y_AXIS_WIDTH = 60;
const ACTORS_COLOR = 'var(--color-cat-actor)';
const TICK = { fontSize: 12, fill: 'var(--color-muted)' };
const MARGIN = { top: 4, right: 8, bottom: 0, left: 0 };

/** An axis tick of two lines: the month, and under it the year where it is marked. */
function MonthTick({ x, y, payload, byMonth, withYear }: { x?: number; y?: number; payload?: { value: string }; byMonth: Map<string, ForecastChartPoint>; withYear: Set<string> }) {
  const point = payload ? byMonth.get(payload.value) : undefined;
  if (!point || x === undefined || y === undefined) return null;
  return (
    <text x={x} y={y + 12} textAnchor="middle" fontSize={12} fill="var(--color-muted)">
      <tspan x={x}>{point.monthLabel}</tspan>
      {withYear.has(point.month) ? (
        <tspan x={x} dy={14} fontWeight={600} fill="var(--color-ink)">
          {point.year}
        </tspan>
      ) : null}
    </text>
  );
}

/** Pixels a month's label needs ("Sept", "mrt") with room either side. */
const LABEL_PX = 36;

/**
 * Which months the axis names: every month when there is room, else every second or third (a
 * phone), always the first. The year goes under the first named month and under each named month
 * whose year differs from the one named before it, so a skipped January never hides a new year.
 */
function axisMonths(data: ForecastChartPoint[], plotWidth: number): { ticks: string[]; withYear: Set<string> } {
  const perMonth = data.length > 0 ? plotWidth / data.length : LABEL_PX;
  const step = perMonth >= LABEL_PX ? 1 : perMonth * 2 >= LABEL_PX ? 2 : 3;
  const shown = data.filter((_, i) => i % step === 0);
  const withYear = new Set(shown.filter((p, i) => i === 0 || p.year !== shown[i - 1]!.year).map((p) => p.month));
  return { ticks: shown.map((p) => p.month), withYear };
}

/**
 * The forecast's two charts (client: Recharts measures its box): the records per month stacked by
 * family, and under it the actors removed per month on an axis of their own (actors are a few,
 * records many: on one axis the actors would not show). No animation, so screenshots see the
 * final bars. Each chart is one image for assistive technology; the table below has the numbers.
 */
export function ForecastChart({ data, families, range }: Props) {
  const t = useTranslations('forecast');
  const locale = useLocale();
  const byMonth = new Map(data.map((p) => [p.month, p]));
  // The chart's width, as Recharts measures it; until then the axis assumes a desktop.
  const [width, setWidth] = useState(800);
  const axis = axisMonths(data, width - Y_AXIS_WIDTH - MARGIN.right);
  const xAxis = (
    <XAxis
      dataKey="month"
      ticks={axis.ticks}
      interval={0}
      tick={<MonthTick byMonth={byMonth} withYear={axis.withYear} />}
      tickLine={false}
      axisLine={{ stroke: 'var(--color-line)' }}
      height={34}
    />
  );
  const yAxis = (ticks?: number) => (
    <YAxis width={Y_AXIS_WIDTH} allowDecimals={false} tickCount={ticks} tick={TICK} tickLine={false} axisLine={false} tickFormatter={(n: number) => formatCount(locale, n)} />
  );
  const tooltip = (kind: 'records' | 'actors') => (
    <Tooltip
      cursor={{ fill: 'var(--color-brand-soft)' }}
      isAnimationActive={false}
      content={({ active, label }) => {
        const point = active && typeof label === 'string' ? byMonth.get(label) : undefined;
        if (!point) return null;
        const lines =
          kind === 'actors'
            ? [{ key: 'actors', text: t('actorsRemoved'), value: point.actorsRemoved, color: ACTORS_COLOR }]
            : [
                ...[...families].reverse().map((f) => ({ key: f.id, text: f.label, value: point[f.id], color: FAMILY_COLOR[f.id] })),
                { key: 'total', text: t('tooltipTotal'), value: point.recordsTotal, color: null },
              ];
        return (
          <div className="max-w-xs rounded-md border border-line bg-surface px-3 py-2 text-xs shadow-md">
            <p className="font-semibold text-ink">{point.fullLabel}</p>
            <ul className="mt-1 space-y-0.5">
              {lines.map((line) => (
                <li key={line.key} className={`flex items-center gap-2 ${line.color ? '' : 'mt-1 border-t border-line pt-1 font-semibold'}`}>
                  <span aria-hidden="true" className="size-2.5 shrink-0 rounded-sm" style={{ background: line.color ?? 'transparent' }} />
                  <span>{line.text}</span>
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
    <div data-testid="forecast-charts">
      <h3 className="text-sm font-medium text-ink">{t('recordsHeading')}</h3>
      <div role="img" aria-label={t('alt', range)} className="mt-2 h-72">
        <ResponsiveContainer width="100%" height="100%" onResize={(w) => setWidth(w)}>
          <BarChart data={data} accessibilityLayer={false} barCategoryGap="18%" margin={MARGIN}>
            <CartesianGrid vertical={false} stroke="var(--color-line)" />
            {xAxis}
            {yAxis()}
            {tooltip('records')}
            {families.map((f) => (
              <Bar key={f.id} dataKey={f.id} name={f.label} stackId="records" fill={FAMILY_COLOR[f.id]} stroke="var(--color-surface)" strokeWidth={1} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>

      <h3 className="mt-5 text-sm font-medium text-ink">{t('actorsHeading')}</h3>
      <div role="img" aria-label={t('actorsAlt', range)} className="mt-2 h-36">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false} barCategoryGap="18%" margin={MARGIN}>
            <CartesianGrid vertical={false} stroke="var(--color-line)" />
            {xAxis}
            {yAxis(3)}
            {tooltip('actors')}
            <Bar dataKey="actorsRemoved" name={t('actorsRemoved')} fill={ACTORS_COLOR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
