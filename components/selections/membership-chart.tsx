'use client';

import { useLocale } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/i18n/format';
import type { AppLocale } from '@/i18n/locales';
import type { MembershipState } from '@/lib/selections/types';
import { STATE_COLOR } from './chart-colors';

export type MembershipBar = { state: MembershipState; label: string; count: number };

/**
 * The split of a selection by membership state as a small horizontal bar chart: it only draws
 * (the page computes the numbers and gives the text alternative, a table beside it), so it is one
 * image for assistive technology. No animation, so screenshots see the final bars.
 */
export function MembershipChart({ data, alt }: { data: MembershipBar[]; alt: string }) {
  const locale = useLocale() as AppLocale;
  const tick = { fontSize: 12, fill: 'var(--color-ink)' };
  return (
    <div role="img" aria-label={alt} className="h-40 w-full" data-testid="membership-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 56, bottom: 4, left: 4 }} barCategoryGap="20%">
          <CartesianGrid horizontal={false} stroke="var(--color-line)" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: 'var(--color-muted)' }} tickLine={false} axisLine={false} tickFormatter={(n: number) => formatCount(locale, n)} />
          <YAxis type="category" dataKey="label" width={132} tick={tick} tickLine={false} axisLine={{ stroke: 'var(--color-line)' }} />
          <Bar dataKey="count" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.state} fill={STATE_COLOR[d.state]} />
            ))}
            <LabelList dataKey="count" position="right" formatter={(v: unknown) => formatCount(locale, Number(v))} style={{ fontSize: 12, fill: 'var(--color-ink)' }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
