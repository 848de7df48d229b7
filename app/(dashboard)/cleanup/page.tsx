import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { CleanupDashboard } from '@/components/cleanup/cleanup-dashboard';
import { RequestCounts } from '@/components/cleanup/request-counts';
import { RUNS_LIMIT } from '@/components/cleanup/run-words';
import { ForecastSection } from '@/components/forecast/forecast-section';
import { QueryProvider } from '@/components/providers/query-provider';
import { PageHeader } from '@/components/ui/page-header';
import { PanelSkeleton } from '@/components/ui/skeleton';
import { hasPermission } from '@/lib/auth/permissions';
import { getEnv } from '@/lib/env';
import { FORECAST_DEFAULT_MONTHS } from '@/lib/forecast/forecast';
import { requirePermission } from '@/server/auth/require-permission';
import { getCleanupBacklogHistory, getCleanupRuns, getCleanupStatus } from '@/server/data/cleanup';
import { readRequestCounts } from '@/server/data/requests';

/** Days of the backlog's burn-down on the screen. */
const BURN_DOWN_DAYS = 14;

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cleanup');
  return { title: t('title') };
}

/** The ops screen: the cleanup job's state and controls, live progress, backlog and run history, and the forecast. */
export default async function CleanupPage() {
  const caller = await requirePermission('cleanup.read', { returnTo: '/cleanup' });
  const [status, runs, backlog, requestCounts, t, tForecast] = await Promise.all([
    getCleanupStatus(),
    getCleanupRuns(RUNS_LIMIT),
    getCleanupBacklogHistory(BURN_DOWN_DAYS),
    readRequestCounts(),
    getTranslations('cleanup'),
    getTranslations('forecast'),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <QueryProvider>
        <CleanupDashboard
          initialStatus={status}
          initialRuns={runs}
          initialBacklog={backlog}
          canControl={hasPermission(caller.role, 'cleanup.control')}
          canAcknowledge={hasPermission(caller.role, 'cleanup.acknowledge')}
          timeZone={getEnv().RETENTION_TIME_ZONE}
        />
      </QueryProvider>
      <RequestCounts legalHolds={requestCounts.legalHolds} removalRequestsWaiting={requestCounts.removalRequestsWaiting} />
      {/*
       * Server-rendered below the live dashboard and outside its query client: it is loaded once
       * with the page (the forecast moves by the day, not by the run), and streamed, so the live
       * part never waits for it. Every role of this screen may read reports; checked all the same.
       */}
      {hasPermission(caller.role, 'reports.read') ? (
        <Suspense fallback={<PanelSkeleton label={tForecast('title', { months: FORECAST_DEFAULT_MONTHS })} rows={8} />}>
          <ForecastSection />
        </Suspense>
      ) : null}
    </div>
  );
}
