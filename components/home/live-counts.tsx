import { useLocale, useTranslations } from 'next-intl';
import { formatCount, formatDateTime, formatIsoDate } from '@/i18n/format';
import type { LastRunOverview, LiveCounts } from '@/server/data/overview';

const STATUS_STYLE: Record<string, string> = {
  completed: 'bg-ok/10 text-ok ring-ok/30',
  running: 'bg-brand-soft text-brand ring-brand/30',
  partial: 'bg-warn/10 text-warn ring-warn/30',
  interrupted: 'bg-warn/10 text-warn ring-warn/30',
  failed: 'bg-danger/10 text-danger ring-danger/30',
  tripped: 'bg-danger/10 text-danger ring-danger/30',
  paused: 'bg-warn/10 text-warn ring-warn/30',
};

const KNOWN_STATUSES = ['completed', 'running', 'partial', 'interrupted', 'failed', 'tripped', 'paused'] as const;
type KnownStatus = (typeof KNOWN_STATUSES)[number];
const isKnownStatus = (s: string): s is KnownStatus => (KNOWN_STATUSES as readonly string[]).includes(s);

function Stat({ label, value, hint, testId }: { label: string; value: number; hint?: string; testId?: string }) {
  const locale = useLocale();
  return (
    <div className="rounded-md border border-line bg-canvas/60 p-4" data-testid={testId}>
      <dt className="text-sm break-words hyphens-auto text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{formatCount(locale, value)}</dd>
      {hint ? <dd className="mt-1 text-xs break-words hyphens-auto text-muted">{hint}</dd> : null}
    </div>
  );
}

function LastRun({ run, timeZone }: { run: LastRunOverview | null; timeZone: string }) {
  const t = useTranslations('overview.lastRun');
  const locale = useLocale();
  if (!run) {
    return <p className="text-sm text-muted">{t('none')}</p>;
  }
  const style = STATUS_STYLE[run.status] ?? 'bg-canvas text-muted ring-line';
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="text-muted">{t('status')}</dt>
      <dd>
        <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style}`}>
          {isKnownStatus(run.status) ? t(`statuses.${run.status}`) : run.status}
        </span>
        {run.isDryRun ? <span className="ml-2 text-xs text-muted">{t('dryRun')}</span> : null}
      </dd>
      <dt className="text-muted">{t('asOf')}</dt>
      <dd className="tabular-nums">
        <time dateTime={run.asOf} title={run.asOf}>{formatIsoDate(locale, run.asOf)}</time>
      </dd>
      <dt className="text-muted">{t('started')}</dt>
      <dd>
        <time dateTime={run.startedAt} title={run.startedAt}>{formatDateTime(locale, run.startedAt, timeZone)}</time>
      </dd>
      <dt className="text-muted">{t('finished')}</dt>
      <dd>{run.finishedAt ? <time dateTime={run.finishedAt} title={run.finishedAt}>{formatDateTime(locale, run.finishedAt, timeZone)}</time> : '—'}</dd>
      <dt className="text-muted">{t('actorsRemoved')}</dt>
      <dd className="tabular-nums">{formatCount(locale, run.actorsRemoved)}</dd>
      <dt className="text-muted">{t('recordsProcessed')}</dt>
      <dd className="tabular-nums">{formatCount(locale, run.recordsProcessed)}</dd>
    </dl>
  );
}

/** The live row counts of the database and the latest cleanup run. */
export function LiveCountsView({ counts }: { counts: LiveCounts }) {
  const t = useTranslations('overview');
  return (
    <div className="space-y-6">
      {/* Cards at least 11rem wide, as many as fit: Dutch compounds ("verwijderverzoeken") stay inside their card. */}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-[repeat(auto-fill,minmax(11rem,1fr))]">
        <Stat label={t('counts.actors')} value={counts.actors} />
        <Stat label={t('counts.loansLinked')} value={counts.loansLinkedToActors} hint={t('counts.loansLinkedHint')} />
        <Stat label={t('counts.loansAnonymized')} value={counts.anonymizedLoans} hint={t('counts.loansAnonymizedHint')} />
        <Stat label={t('counts.financialItems')} value={counts.financialItems} hint={t('counts.financialItemsHint')} />
        <Stat label={t('counts.cleanupRuns')} value={counts.cleanupRuns} />
        <Stat label={t('counts.legalHolds')} value={counts.legalHolds} hint={t('counts.legalHoldsHint')} testId="count-legal-holds" />
        <Stat label={t('counts.removalRequests')} value={counts.removalRequestsWaiting} hint={t('counts.removalRequestsHint')} testId="count-removal-requests" />
      </dl>
      <div>
        <h3 className="text-sm font-semibold text-ink">{t('lastRun.title')}</h3>
        <div className="mt-2">
          <LastRun run={counts.lastRun} timeZone={counts.timeZone} />
        </div>
      </div>
    </div>
  );
}
