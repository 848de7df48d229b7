'use client';

import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { ANONYMIZED_COLOR, ANONYMIZED_EDGE, LINKED_COLOR } from './chart-colors';

/**
 * The loans of a borrowing period as one stacked bar: linked to a customer, then anonymized. It
 * only draws; the words and numbers beside it are the text alternative (its aria-label says the
 * same), so it is one image for assistive technology.
 */
export function CoverageBar({ linked, anonymized, alt }: { linked: number; anonymized: number; alt: string }) {
  const data = [{ key: 'loans', linked, anonymized }];
  return (
    <div role="img" aria-label={alt} className="h-12 w-full" data-testid="coverage-bar">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 4, bottom: 4, left: 4 }} barCategoryGap={0}>
          <XAxis type="number" hide domain={[0, Math.max(1, linked + anonymized)]} />
          <YAxis type="category" dataKey="key" hide />
          <Bar dataKey="linked" stackId="loans" fill={LINKED_COLOR} isAnimationActive={false} />
          <Bar dataKey="anonymized" stackId="loans" fill={ANONYMIZED_COLOR} stroke={ANONYMIZED_EDGE} strokeWidth={0.5} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
