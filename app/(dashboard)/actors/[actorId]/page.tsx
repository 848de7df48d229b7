import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActorSearchForm, AsOfForm } from '@/components/actors/actor-forms';
import { ActorSummary } from '@/components/actors/actor-summary';
import { CategoryReportTable } from '@/components/actors/category-report-table';
import { ReasonsPanel } from '@/components/actors/reasons-panel';
import { holdHolds, LegalHoldBanner, RequestsPanel } from '@/components/actors/requests-panel';
import { RetentionTimeline } from '@/components/actors/retention-timeline';
import { TimelineTable } from '@/components/actors/timeline-table';
import { LocalDate } from '@/components/ui/local-date';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { hasPermission } from '@/lib/auth/permissions';
import { getEnv } from '@/lib/env';
import { todayIn } from '@/lib/retention/dates';
import { layoutTimeline } from '@/lib/timeline/layout';
import { parseScreenActorId, parseScreenAsOf } from '@/lib/validation/actors';
import { requirePermission } from '@/server/auth/require-permission';
import { lookUpActorTimeline } from '@/server/data/actor-report';
import { readActorRequests } from '@/server/data/requests';
import { normalizeDateParam } from '@/i18n/date-text';

export const dynamic = 'force-dynamic';

type Params = Promise<{ actorId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('actors');
  const id = parseScreenActorId(decodeURIComponent((await params).actorId));
  return { title: id.ok ? t('actorTitle', { actorId: id.actorId }) : t('title') };
}

const backLink = (label: string) => (
  <Link href="/actors" className="text-sm font-medium text-brand underline underline-offset-2">
    {label}
  </Link>
);

/**
 * One actor's retention timeline as of a day (support, admin). The lookup goes through
 * lookUpActorTimeline, which writes the access log before it reads (one entry per page view,
 * unknown actors included); a bad id or date is named and looks nothing up.
 */
export default async function ActorPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const rawId = decodeURIComponent((await params).actorId);
  const caller = await requirePermission('actor.lookup', { returnTo: `/actors/${encodeURIComponent(rawId)}` });
  const t = await getTranslations('actors');
  const timeZone = getEnv().RETENTION_TIME_ZONE;
  const today = todayIn(timeZone);
  const id = parseScreenActorId(rawId);

  if (!id.ok) {
    return (
      <div className="space-y-6">
        <PageHeader title={t('badIdTitle')} intro={t(`problems.${id.problem}`)} />
        <Panel id="actor-search-heading" title={t('searchTitle')}>
          <ActorSearchForm values={{ actorId: rawId.slice(0, 40), asOf: '' }} errors={{ actorId: t(`problems.${id.problem}`) }} timeZone={timeZone} />
        </Panel>
      </div>
    );
  }

  const rawAsOf = normalizeDateParam(first((await searchParams).asOf));
  const parsedAsOf = parseScreenAsOf(rawAsOf);
  if (parsedAsOf === false) {
    return (
      <div className="space-y-6">
        <PageHeader title={t('actorTitle', { actorId: id.actorId })} intro={t('problems.asOf')}>
          <AsOfForm actorId={id.actorId} asOf="" error={t('problems.asOf')} isToday={false} />
        </PageHeader>
        {backLink(t('anotherActor'))}
      </div>
    );
  }

  const asOf = parsedAsOf ?? today;
  const view = await lookUpActorTimeline(caller, { actorId: id.actorId, asOf });
  const asOfIntro = (
    <>
      {t.rich('asOfIntro', { asOf, isToday: asOf === today ? 'yes' : 'no', d: () => <LocalDate date={asOf} /> })} {t('accessLogged')}
    </>
  );

  if (!view.found) {
    return (
      <div className="space-y-6">
        <PageHeader title={t('actorTitle', { actorId: id.actorId })} intro={asOfIntro}>
          <AsOfForm actorId={id.actorId} asOf={asOf} isToday={asOf === today} />
        </PageHeader>
        <section aria-labelledby="not-found-heading" className="rounded-lg border border-line bg-surface p-6 shadow-sm" data-testid="actor-not-found">
          <h2 id="not-found-heading" className="text-lg font-semibold">
            {t('notFound.title', { actorId: id.actorId })}
          </h2>
          <p className="mt-2 max-w-3xl text-sm text-ink">{t.rich('notFound.body', { asOf, d: () => <LocalDate date={asOf} /> })}</p>
          <p className="mt-2 text-sm text-muted">{t('notFound.logged')}</p>
        </section>
        <Panel id="actor-search-heading" title={t('searchTitle')}>
          <ActorSearchForm values={{ actorId: '', asOf: '' }} errors={{}} timeZone={timeZone} />
        </Panel>
      </div>
    );
  }

  const { report } = view;
  const requests = await readActorRequests(caller, report.actorId);
  const canHold = hasPermission(caller.role, 'actor.legal_hold');
  const canRequest = hasPermission(caller.role, 'actor.request_removal');
  const layout = layoutTimeline({
    registeredOn: view.registeredOn,
    asOf: report.asOf,
    active: report.active,
    cancellationDate: report.cancellationDate,
    removal: report.removal,
    records: view.records,
    legalHold: requests.hold ? { until: requests.hold.until } : null,
    removalRequestedOn: report.removal.requestedOn,
  });

  return (
    <div className="space-y-6">
      {holdHolds(requests.hold, today) ? <LegalHoldBanner hold={requests.hold} canManage={canHold} /> : null}

      <PageHeader title={t('actorTitle', { actorId: report.actorId })} intro={asOfIntro}>
        <AsOfForm actorId={report.actorId} asOf={asOf} isToday={asOf === today} />
      </PageHeader>
      {hasPermission(caller.role, 'actor.statement') ? (
        <Link
          href={`/actors/${report.actorId}/statement${asOf === today ? '' : `?asOf=${asOf}`}`}
          prefetch={false}
          className="inline-block text-sm font-medium text-brand underline underline-offset-2"
          data-testid="statement-link"
        >
          {(await getTranslations('statementPage'))('link')}
        </Link>
      ) : null}

      <div className="grid gap-6 md:grid-cols-[minmax(0,20rem)_minmax(0,1fr)] xl:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
        <ActorSummary report={report} registeredOn={view.registeredOn} today={today} legalHold={holdHolds(requests.hold, report.asOf) ? { until: requests.hold.until } : null} />
        <ReasonsPanel reasons={view.reasons} asOf={report.asOf} removalDate={report.removal.date} />
      </div>

      <Panel id="timeline-heading" title={t('chart.title')} description={t('chart.description')}>
        <RetentionTimeline actorId={report.actorId} layout={layout} records={view.records} />
        {view.withDetails ? null : <p className="mt-1 text-xs text-muted">{t('detailsHidden')}</p>}
      </Panel>

      <TimelineTable layout={layout} records={view.records} reasons={view.reasons} withDetails={view.withDetails} />

      {canRequest || canHold || requests.request ? (
        <RequestsPanel actorId={report.actorId} requests={requests} requestedOn={report.removal.requestedOn} canRequest={canRequest} canHold={canHold} />
      ) : null}

      <Panel id="categories-heading" title={t('categoriesTable.title')} description={t('categoriesTable.description')}>
        <CategoryReportTable report={report} />
      </Panel>

      {backLink(t('anotherActor'))}
    </div>
  );
}
