'use client';

import { useLocale, useTranslations } from 'next-intl';
import { LocalDate } from '@/components/ui/local-date';
import { formatCount } from '@/i18n/format';
import type { AppLocale } from '@/i18n/locales';
import { swatchBackground } from './category-colors';

/** What solid and hatched bars mean (the same for every family and category). */
export function KindLegend({ hasAnonymized }: { hasAnonymized: boolean }) {
  const t = useTranslations('reports.chart');
  const swatch = 'var(--color-muted)';
  return (
    <>
      <ul className="mt-3 flex flex-wrap items-center gap-x-5 gap-y-1 text-sm text-ink" aria-label={t('kindLegendLabel')}>
        <li className="inline-flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm" style={{ background: swatchBackground(swatch, 'deleted') }} />
          {t('solid')}
        </li>
        <li className="inline-flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm" style={{ background: swatchBackground(swatch, 'anonymized') }} />
          {t('hatched')}
        </li>
      </ul>
      {hasAnonymized ? <p className="mt-1 text-xs text-muted">{t('kindNote')}</p> : null}
    </>
  );
}

/** Said where a chart would be when it has nothing to draw, so an empty chart never looks broken. */
export function NoneInRange({ testId }: { testId: string }) {
  const t = useTranslations('reports.chart');
  return (
    <p className="mt-2 rounded-md border border-dashed border-line px-3 py-4 text-sm text-muted" data-testid={testId}>
      {t('noneInRange')}
    </p>
  );
}

/**
 * The days cut off at the cap, said plainly with their full numbers (the chart shows only a mark):
 * of the records chart, or of the actors chart (`unit`).
 */
export function CappedDays({ cap, days, unit = 'records' }: { cap: number; days: { date: string; height: number }[]; unit?: 'records' | 'actors' }) {
  const t = useTranslations('reports.chart');
  const locale = useLocale() as AppLocale;
  const actors = unit === 'actors';
  return (
    <div className="mt-2 rounded-md border border-line bg-canvas px-3 py-2 text-sm text-ink" data-testid={actors ? 'capped-actor-days' : 'capped-days'}>
      <p>{t(actors ? 'cappedNoteActors' : 'cappedNote', { count: days.length, cap: formatCount(locale, cap) })}</p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs">
        {days.map((d) => (
          <li key={d.date} data-date={d.date}>
            <LocalDate date={d.date} className="font-medium" />: {t(actors ? 'cappedDayActors' : 'cappedDay', { count: formatCount(locale, d.height) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
