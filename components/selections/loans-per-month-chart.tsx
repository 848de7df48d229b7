'use client';

import { useLocale } from 'next-intl';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatMonth } from '@/i18n/format';
import type { AppLocale } from '@/i18n/locales';
import type { LoanMonth } from '@/lib/selections/types';
import { ANONYMIZED_COLOR, ANONYMIZED_EDGE, LINKED_COLOR } from './chart-colors';

/**
 * The instance's loans per month of the period, linked to a customer and anonymized, stacked. It
 * only draws (the page gives the series and the table with the same numbers), one image for
 * assistive technology. Months narrower than a bar scroll sideways inside their box.
 */
export function LoansPerMonthChart({ months, labels, alt, scrollLabel }: { months: LoanMonth[]; labels: { linked: string; anonymized: string }; alt: string; scrollLabel: string }) {
  const locale = useLocale() as AppLocale;
  // A phone fits about 18 months; a longer period scrolls sideways inside its box.
  const minWidth = months.length > 18 ? months.length * 16 + 70 : undefined;
  return (
    <div className="overflow-x-auto rounded-md focus-visible:outline-2 focus-visible:outline-brand" tabIndex={0} role="group" aria-label={scrollLabel}>
      <div role="img" aria-label={alt} className="h-64" style={{ minWidth }} data-testid="loans-per-month-chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={months} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="15%">
            <CartesianGrid vertical={false} stroke="var(--color-line)" />
            <XAxis dataKey="month" tickFormatter={(m: string) => formatMonth(locale, m)} tick={{ fontSize: 12, fill: 'var(--color-muted)' }} tickLine={false} minTickGap={12} />
            <YAxis width={56} allowDecimals={false} tick={{ fontSize: 12, fill: 'var(--color-muted)' }} tickLine={false} axisLine={false} tickFormatter={(n: number) => formatCount(locale, n)} />
            <Tooltip
              isAnimationActive={false}
              cursor={{ fill: 'var(--color-brand-soft)' }}
              labelFormatter={(m) => formatMonth(locale, String(m))}
              formatter={(value, name) => [formatCount(locale, Number(value)), name]}
            />
            <Bar dataKey="linked" name={labels.linked} stackId="loans" fill={LINKED_COLOR} isAnimationActive={false} />
            <Bar dataKey="anonymized" name={labels.anonymized} stackId="loans" fill={ANONYMIZED_COLOR} stroke={ANONYMIZED_EDGE} strokeWidth={0.5} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
