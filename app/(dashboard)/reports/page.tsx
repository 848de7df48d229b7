import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { ForecastSection } from '@/components/forecast/forecast-section';
import { DeletedPerDayChart } from '@/components/reports/deleted-per-day-chart';
import { DayTableView } from '@/components/reports/day-table';
import { RangeForm } from '@/components/reports/range-form';
import { ReportTotals } from '@/components/reports/totals';
import { LocalDate } from '@/components/ui/local-date';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { PanelSkeleton } from '@/components/ui/skeleton';
import { buttonClass } from '@/components/ui/button-styles';
import { getEnv } from '@/lib/env';
import { FORECAST_DEFAULT_MONTHS } from '@/lib/forecast/forecast';
import { buildDayTable, countDays, REPORT_MAX_DAYS, resolveReportRange } from '@/lib/reports/deleted-per-day';
import { requirePermission } from '@/server/auth/require-permission';
import { retentionToday } from '@/lib/env';
import { getDeletedPerDayReport } from '@/server/data/reports';
import { normalizeDateParam } from '@/i18n/date-text';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One value of a search parameter; an empty field (a cleared date input) counts as not given. */
const param = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/**
 * Deleted customer records per day: the range from the URL (default the last 30 days), the totals,
 * the charts, and the table with its CSV. The numbers are those of GET reports/deleted-per-day (the
 * same query). A bad range is explained beside its field, never an error page.
 */
export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // A day typed in the date field and sent without JavaScript ("15 Nov 2024") reads as its ISO form.
  const asked = { from: normalizeDateParam(param(params.from)), to: normalizeDateParam(param(params.to)) };
  const query = new URLSearchParams(Object.entries(asked).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  await requirePermission('reports.read', { returnTo: query ? `/reports?${query}` : '/reports' });
  const [t, tForecast] = await Promise.all([getTranslations('reports'), getTranslations('forecast')]);
  const today = retentionToday();
  const range = resolveReportRange(asked, today, { maxDays: REPORT_MAX_DAYS });

  let problem: string | null = null;
  if (!range.ok) {
    if (range.problem === 'notADate') problem = t('range.notADate', { value: asked[range.parameter] ?? '' });
    else if (range.problem === 'fromAfterTo') problem = t('range.fromAfterTo', { from: range.from ?? '', to: range.to ?? '' });
    else problem = t('range.tooLong', { days: countDays(range.from ?? '', range.to ?? ''), max: REPORT_MAX_DAYS });
  }
  const table = range.ok ? buildDayTable(await getDeletedPerDayReport(range), range.from, range.to) : null;
  const rangeQuery = range.ok ? `from=${range.from}&to=${range.to}` : '';

  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />

      <Panel id="range-heading" title={t('range.title')}>
        <RangeForm
          from={asked.from ?? (range.ok ? range.from : '')}
          to={asked.to ?? (range.ok ? range.to : '')}
          today={today}
          shown={range.ok ? range : null}
          errors={range.ok ? {} : { [range.parameter]: [problem!] }}
        />
        {range.ok ? (
          <p className="mt-4 text-sm text-ink" data-testid="range-shown">
            {t.rich('range.shown', {
              from: () => <LocalDate date={range.from} className="font-medium" />,
              to: () => <LocalDate date={range.to} className="font-medium" />,
              days: range.days,
            })}
          </p>
        ) : (
          <div role="alert" data-testid="range-problem" className="mt-4 rounded-md border border-danger/30 bg-danger/5 px-3 py-2 text-sm text-danger">
            <p className="font-semibold">{t('range.invalidTitle')}</p>
            <p>{problem}</p>
            <Link href="/reports" className="mt-1 inline-block font-medium underline">
              {t('range.showDefault')}
            </Link>
          </div>
        )}
        <p className="mt-2 text-xs text-muted">{t('timeZoneNote', { timeZone: getEnv().RETENTION_TIME_ZONE })}</p>
        <p className="mt-1 text-xs text-muted">{t.rich('scriptsNote', { code: (chunks) => <code className="break-all font-mono">{chunks}</code> })}</p>
      </Panel>

      {table ? (
        <>
          <Panel id="totals-heading" title={t('totals.title')}>
            <ReportTotals table={table} />
          </Panel>
          <Panel id="chart-heading" title={t('chart.title')}>
            <DeletedPerDayChart table={table} />
          </Panel>
          <Panel id="table-heading" title={t('table.title')} description={t('table.description')}>
            <div className="mb-4 flex flex-wrap gap-2">
              <a href={`/reports/deleted-per-day.csv?${rangeQuery}`} download className={buttonClass('secondary', 'sm')} data-testid="download-table">
                {t('table.downloadTable')}
              </a>
              <a href={`/api/v1/reports/deleted-per-day?${rangeQuery}&format=csv`} download className={buttonClass('secondary', 'sm')} data-testid="download-api">
                {t('table.downloadApi')}
              </a>
            </div>
            <p className="mb-4 max-w-3xl text-xs text-muted">{t('table.csvHint')}</p>
            <DayTableView table={table} />
          </Panel>
        </>
      ) : null}

      {/* The months ahead, after the days behind; streamed, so a slow forecast never holds up the report. */}
      <Suspense fallback={<PanelSkeleton label={tForecast('title', { months: FORECAST_DEFAULT_MONTHS })} rows={8} />}>
        <ForecastSection />
      </Suspense>
    </div>
  );
}
