import type { LastRunOverview, LiveCounts } from '@/server/data/overview';
import { formatCount, formatDateTime } from './format';

const STATUS_STYLE: Record<string, string> = {
  completed: 'bg-ok/10 text-ok ring-ok/30',
  running: 'bg-brand-soft text-brand ring-brand/30',
  partial: 'bg-warn/10 text-warn ring-warn/30',
  interrupted: 'bg-warn/10 text-warn ring-warn/30',
  failed: 'bg-danger/10 text-danger ring-danger/30',
  tripped: 'bg-danger/10 text-danger ring-danger/30',
};

function Stat({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <div className="rounded-md border border-line bg-canvas/60 p-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{formatCount(value)}</dd>
      {hint ? <dd className="mt-1 text-xs text-muted">{hint}</dd> : null}
    </div>
  );
}

function LastRun({ run, timeZone }: { run: LastRunOverview | null; timeZone: string }) {
  if (!run) {
    return <p className="text-sm text-muted">No cleanup run yet.</p>;
  }
  const style = STATUS_STYLE[run.status] ?? 'bg-canvas text-muted ring-line';
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="text-muted">Status</dt>
      <dd>
        <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style}`}>{run.status}</span>
        {run.isDryRun ? <span className="ml-2 text-xs text-muted">dry run</span> : null}
      </dd>
      <dt className="text-muted">As-of date</dt>
      <dd className="tabular-nums">{run.asOf}</dd>
      <dt className="text-muted">Started</dt>
      <dd>
        <time dateTime={run.startedAt}>{formatDateTime(run.startedAt, timeZone)}</time>
      </dd>
      <dt className="text-muted">Finished</dt>
      <dd>{run.finishedAt ? <time dateTime={run.finishedAt}>{formatDateTime(run.finishedAt, timeZone)}</time> : '—'}</dd>
      <dt className="text-muted">Actors removed</dt>
      <dd className="tabular-nums">{formatCount(run.actorsRemoved)}</dd>
      <dt className="text-muted">Records processed</dt>
      <dd className="tabular-nums">{formatCount(run.recordsProcessed)}</dd>
    </dl>
  );
}

/** The live row counts of the database and the latest cleanup run. */
export function LiveCountsView({ counts }: { counts: LiveCounts }) {
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5">
        <Stat label="Actors" value={counts.actors} />
        <Stat label="Loans linked to actors" value={counts.loansLinkedToActors} hint="in someone's loan history" />
        <Stat label="Anonymized loans" value={counts.anonymizedLoans} hint="statistics only, no actor" />
        <Stat label="Financial items" value={counts.financialItems} hint="open and settled" />
        <Stat label="Cleanup runs" value={counts.cleanupRuns} />
      </dl>
      <div>
        <h3 className="text-sm font-semibold text-ink">Last run</h3>
        <div className="mt-2">
          <LastRun run={counts.lastRun} timeZone={counts.timeZone} />
        </div>
      </div>
    </div>
  );
}
