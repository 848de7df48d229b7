'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatIsoDate, formatShortIsoDate } from '@/i18n/format';
import type { BacklogDay } from '@/lib/cleanup/backlog-history';

const BACKLOG_COLOUR = '#1f4e8c'; // --color-brand
const PROCESSED_COLOUR = '#8fb3dd';

/**
 * The backlog's burn-down: records still due after each day's last run (a line; a gap on days
 * without a run) over the records processed that day (bars). The table beside it in the panel
 * carries the same numbers for screen readers and copying, so the chart itself is hidden from
 * assistive technology (and, without Recharts' keyboard layer, holds nothing focusable).
 */
export function BurnDownChart({ days }: { days: BacklogDay[] }) {
  const t = useTranslations('cleanup');
  const locale = useLocale();
  const data = days.map((d) => ({
    date: d.date,
    backlog: d.backlog ? d.backlog.recordsTotal : null,
    processed: d.processed.records,
  }));
  return (
    <div className="h-64 w-full" aria-hidden="true" data-testid="burn-down-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#d9dee6" />
          <XAxis dataKey="date" tickFormatter={(iso: string) => formatShortIsoDate(locale, iso)} tick={{ fontSize: 12 }} minTickGap={16} />
          <YAxis tickFormatter={(n: number) => formatCount(locale, n)} tick={{ fontSize: 12 }} width={64} />
          <Tooltip
            labelFormatter={(label) => formatIsoDate(locale, String(label))}
            formatter={(value, name) => [value === null || value === undefined ? '—' : formatCount(locale, Number(value)), name]}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="processed" name={t('burnDown.processed')} fill={PROCESSED_COLOUR} isAnimationActive={false} />
          <Line
            dataKey="backlog"
            name={t('burnDown.remaining')}
            stroke={BACKLOG_COLOUR}
            strokeWidth={2}
            dot={{ r: 2 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
