import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { FAMILY_SWATCH } from '@/components/ui/family-colors';
import { LocalDate } from '@/components/ui/local-date';
import { Panel } from '@/components/ui/panel';
import { formatMonth, formatMonthName } from '@/i18n/format';
import type { AppLocale } from '@/i18n/locales';
import { FORECAST_DEFAULT_MONTHS } from '@/lib/forecast/forecast';
import { FAMILY_CATEGORIES, FAMILY_IDS } from '@/lib/retention/families';
import { getForecastView } from '@/server/data/forecast';
import { ForecastChart, type ForecastChartPoint } from './forecast-chart';
import { ForecastTable } from './forecast-table';

function Figure({ label, testId, records, actors, hint }: { label: string; testId: string; records: string; actors: string; hint: ReactNode }) {
  return (
    <div className="rounded-md border border-line bg-canvas/60 p-4" data-testid={testId}>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`${testId}-records`}>
        {records}
      </dd>
      <dd className="text-sm tabular-nums" data-testid={`${testId}-actors`}>
        {actors}
      </dd>
      <dd className="mt-1 text-xs text-muted">{hint}</dd>
    </div>
  );
}

/**
 * The forecast panel of /reports and /cleanup (streamed in its own Suspense boundary): what is due
 * now, the coming 12 months' totals, what the forecast assumes, the charts by family and the
 * table with the same numbers. The server folds the categories into families and labels the
 * months; the chart only draws.
 */
export async function ForecastSection() {
  const [view, t, tFamily, tCategory, locale] = await Promise.all([
    getForecastView(),
    getTranslations('forecast'),
    getTranslations('families'),
    getTranslations('reports.categories'),
    getLocale() as Promise<AppLocale>,
  ]);
  if (view === null) {
    return (
      <div data-testid="forecast-panel">
        <Panel id="forecast-heading" title={t('title', { months: FORECAST_DEFAULT_MONTHS })}>
          <p className="rounded-md border border-line bg-canvas/60 px-3 py-2 text-sm text-ink" data-testid="forecast-replanning">
            {t('replanning')}
          </p>
        </Panel>
      </div>
    );
  }
  const families = FAMILY_IDS.map((id) => ({ id, label: tFamily(id) }));
  const familyLabels = Object.fromEntries(families.map((f) => [f.id, f.label]));
  const first = view.entries[0]?.month ?? view.asOf.slice(0, 7);
  const last = view.entries.at(-1)?.month ?? first;
  const data: ForecastChartPoint[] = view.entries.map((e) => ({
    month: e.month,
    monthLabel: formatMonthName(locale, e.month),
    year: e.month.slice(0, 4),
    fullLabel: formatMonth(locale, e.month),
    ...e.records,
    recordsTotal: e.recordsTotal,
    actorsRemoved: e.actorsRemoved,
  }));
  const records = (n: number) => t('records', { recordCount: n });
  const actors = (n: number) => t('actors', { actorCount: n });

  return (
    <div data-testid="forecast-panel">
      <Panel id="forecast-heading" title={t('title', { months: view.months })} description={t.rich('description', { asOf: () => <LocalDate date={view.asOf} /> })}>
        <dl className="grid gap-3 sm:grid-cols-2">
          <Figure label={t('dueNow')} testId="forecast-due-now" records={records(view.dueNow.recordsTotal)} actors={t('actorsDue', { actorCount: view.dueNow.actorsRemoved })} hint={t('dueNowHint')} />
          <Figure
            label={t('ahead', { months: view.months })}
            testId="forecast-ahead"
            records={records(view.totals.recordsTotal)}
            actors={actors(view.totals.actorsRemoved)}
            hint={t.rich('aheadHint', { last: () => <time dateTime={last}>{formatMonth(locale, last)}</time> })}
          />
        </dl>
        <p className="mt-3 text-sm text-ink" data-testid="forecast-assumes">
          {t('assumes')}
        </p>

        {view.hasAnythingAhead ? (
          <>
            <ul className="mt-5 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3" aria-label={t('legendLabel')} data-testid="forecast-legend">
              {families.map((f) => (
                <li key={f.id} className="flex items-start gap-2">
                  <span aria-hidden="true" className={`mt-1 inline-block size-3 shrink-0 rounded-sm ${FAMILY_SWATCH[f.id]}`} />
                  <span>
                    <span className="font-medium text-ink">{f.label}</span>
                    <span className="block text-xs text-muted">{FAMILY_CATEGORIES[f.id].map((c) => tCategory(c)).join(', ')}</span>
                  </span>
                </li>
              ))}
            </ul>
            <div className="mt-5">
              <ForecastChart data={data} families={families} range={{ from: formatMonth(locale, first), to: formatMonth(locale, last) }} />
            </div>
            <h3 className="mt-6 mb-2 text-sm font-medium text-ink">{t('tableTitle')}</h3>
            <ForecastTable view={view} familyLabels={familyLabels} />
          </>
        ) : (
          <p className="mt-5 rounded-md border border-line bg-canvas/60 px-3 py-2 text-sm text-ink" data-testid="forecast-nothing">
            {t('nothingAhead', { months: view.months })}
          </p>
        )}
      </Panel>
    </div>
  );
}
