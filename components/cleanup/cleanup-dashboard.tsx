'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button-styles';
import { formatDateTime } from '@/i18n/format';
import type { JobStatus, RunDto } from '@/lib/cleanup/job';

type Props = {
  initialStatus: JobStatus;
  initialRuns: RunDto[];
  canControl: boolean;
  canAcknowledge: boolean;
  timeZone: string;
};

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}

const STATE_STYLE: Record<JobStatus['state'], string> = {
  idle: 'bg-ok/10 text-ok ring-ok/30',
  running: 'bg-brand-soft text-brand ring-brand/30',
  paused: 'bg-warn/10 text-warn ring-warn/30',
  tripped: 'bg-danger/10 text-danger ring-danger/30',
  stale: 'bg-danger/10 text-danger ring-danger/30',
};

/**
 * The ops screen's live part: the job's state with the controls the role may use, the progress of
 * a running run, the backlog and its estimated end, and the run history. Polls the GET endpoints
 * every 2 s while a run works and every 15 s otherwise; controls post to the cleanup API, which
 * checks the caller's permission itself.
 */
export function CleanupDashboard({ initialStatus, initialRuns, canControl, canAcknowledge, timeZone }: Props) {
  const t = useTranslations('cleanup');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const status = useQuery({
    queryKey: ['cleanup-status'],
    queryFn: () => getJson<JobStatus>('/api/v1/cleanup/status'),
    initialData: initialStatus,
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 2000 : 15000),
  });
  const isRunning = status.data.state === 'running';
  const runs = useQuery({
    queryKey: ['cleanup-runs'],
    queryFn: () => getJson<RunDto[]>('/api/v1/cleanup/runs?limit=20'),
    initialData: initialRuns,
    refetchInterval: isRunning ? 2000 : 15000,
  });
  const control = useMutation({
    mutationFn: async (action: { path: string; body?: object }) => {
      const response = await fetch(`/api/v1/cleanup/${action.path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(action.body ?? {}),
      });
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
      if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
      return action.path;
    },
    onSuccess: (path) => {
      setMessage({ kind: 'ok', text: t(`done.${path.replace('-', '_') as 'pause'}`) });
      void queryClient.invalidateQueries({ queryKey: ['cleanup-status'] });
      void queryClient.invalidateQueries({ queryKey: ['cleanup-runs'] });
    },
    onError: (e: Error) => setMessage({ kind: 'error', text: e.message }),
  });
  const s = status.data;
  const when = (iso: string | null) => (iso ? formatDateTime(locale, iso, timeZone) : '—');
  const act = (path: string, body?: object) => control.mutate({ path, body });

  return (
    <div className="space-y-6">
      <section aria-labelledby="job-state-heading" className="rounded-lg border border-line bg-surface p-5 shadow-sm">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="job-state-heading" className="text-lg font-semibold text-ink">
            {t('stateTitle')}
          </h2>
          <span data-testid="job-state" className={`rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ${STATE_STYLE[s.state]}`}>
            {t(`states.${s.state}`)}
          </span>
        </div>
        <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-muted">{t('lastSuccess')}</dt>
            <dd>{when(s.lastSuccessAt)}</dd>
          </div>
          <div>
            <dt className="text-muted">{t('nextRun')}</dt>
            <dd>{s.nextRunAt ? when(s.nextRunAt) : t('notScheduled')}</dd>
          </div>
          <div>
            <dt className="text-muted">{t('cadence')}</dt>
            <dd>{t('everyMinutes', { minutes: s.cadenceMinutes })}</dd>
          </div>
          <div>
            <dt className="text-muted">{t('approved')}</dt>
            <dd>{s.breaker.approvedActorsLeft}</dd>
          </div>
        </dl>
        {s.paused ? <p className="mt-3 text-sm">{t('pausedBy', { by: s.paused.by ?? '?', at: when(s.paused.at) })}</p> : null}
        {s.tripped ? (
          <p className="mt-3 rounded-md bg-danger/5 p-3 text-sm text-danger" role="alert">
            {t('tripped', {
              unapproved: String(s.tripped.details?.unapproved ?? '?'),
              due: String(s.tripped.details?.dueActors ?? '?'),
              total: String(s.tripped.details?.actorsTotal ?? '?'),
              maxActors: s.breaker.maxActors,
              maxShare: (s.breaker.maxShare * 100).toFixed(2),
            })}
          </p>
        ) : null}
        {s.running ? (
          <div className="mt-4" data-testid="run-progress">
            <p className="text-sm font-medium">{t('runningNow', { asOf: s.running.asOf })}</p>
            <p className="text-sm text-muted">
              {t('progress', { actors: s.running.actorsExamined, removed: s.running.actorsRemoved, records: s.running.recordsProcessed, batches: s.running.batches })}
            </p>
          </div>
        ) : null}
        {canControl || canAcknowledge ? (
          <div className="mt-5 flex flex-wrap gap-2">
            {canControl && !s.paused ? (
              <button type="button" className={buttonClass('secondary')} disabled={control.isPending} onClick={() => act('pause')}>
                {t('pause')}
              </button>
            ) : null}
            {canControl && s.paused ? (
              <button type="button" className={buttonClass('primary')} disabled={control.isPending} onClick={() => act('resume')}>
                {t('resume')}
              </button>
            ) : null}
            {canControl ? (
              <button type="button" className={buttonClass('primary')} disabled={control.isPending || isRunning || !!s.paused || !!s.tripped} onClick={() => act('run', { dryRun: false })}>
                {t('runNow')}
              </button>
            ) : null}
            {canControl ? (
              <button type="button" className={buttonClass('secondary')} disabled={control.isPending || isRunning} onClick={() => act('run', { dryRun: true })}>
                {t('dryRunNow')}
              </button>
            ) : null}
            {canAcknowledge && s.tripped ? (
              <button type="button" className={buttonClass('danger')} disabled={control.isPending} onClick={() => act('acknowledge')}>
                {t('acknowledge')}
              </button>
            ) : null}
          </div>
        ) : null}
        <p aria-live="polite" className={`mt-3 text-sm ${message?.kind === 'error' ? 'text-danger' : 'text-ok'}`}>
          {message?.text ?? ''}
        </p>
      </section>

      <section aria-labelledby="backlog-heading" className="rounded-lg border border-line bg-surface p-5 shadow-sm">
        <h2 id="backlog-heading" className="text-lg font-semibold text-ink">
          {t('backlogTitle')}
        </h2>
        {s.backlog ? (
          <>
            <p className="mt-1 text-sm text-muted">
              {t('backlogCounted', { asOf: s.backlog.asOf, at: when(s.backlog.countedAt) })}
              {s.backlogClearedAt ? ` ${t('eta', { at: when(s.backlogClearedAt) })}` : ''}
            </p>
            <p className="mt-3 text-sm">{t('backlogTotals', { actors: s.backlog.actors, records: s.backlog.recordsTotal })}</p>
            {s.backlog.recordsTotal > 0 ? (
            <table className="mt-3 w-full max-w-lg text-left text-sm">
              <caption className="sr-only">{t('backlogCaption')}</caption>
              <thead>
                <tr className="border-b border-line text-xs uppercase tracking-wide text-muted">
                  <th scope="col" className="py-1.5 pr-4 font-medium">{t('category')}</th>
                  <th scope="col" className="py-1.5 text-right font-medium">{t('records')}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(s.backlog.records)
                  .filter(([, n]) => n > 0)
                  .map(([category, n]) => (
                    <tr key={category} className="border-b border-line/60">
                      <th scope="row" className="py-1.5 pr-4 font-mono text-xs font-normal">{category}</th>
                      <td className="py-1.5 text-right tabular-nums">{n}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
            ) : null}
          </>
        ) : (
          <p className="mt-2 text-sm text-muted">{t('backlogNone')}</p>
        )}
      </section>

      <section aria-labelledby="runs-heading" className="rounded-lg border border-line bg-surface p-5 shadow-sm">
        <h2 id="runs-heading" className="text-lg font-semibold text-ink">
          {t('runsTitle')}
        </h2>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[48rem] text-left text-sm" data-testid="run-history">
            <caption className="sr-only">{t('runsCaption')}</caption>
            <thead>
              <tr className="border-b border-line text-xs uppercase tracking-wide text-muted">
                <th scope="col" className="py-1.5 pr-3 font-medium">{t('started')}</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">{t('asOf')}</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">{t('trigger')}</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">{t('status')}</th>
                <th scope="col" className="py-1.5 pr-3 text-right font-medium">{t('actorsRemoved')}</th>
                <th scope="col" className="py-1.5 pr-3 text-right font-medium">{t('records')}</th>
                <th scope="col" className="py-1.5 text-right font-medium">{t('errors')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((run) => (
                <tr key={run.runId} className="border-b border-line/60 align-top">
                  <td className="py-1.5 pr-3 whitespace-nowrap">{when(run.startedAt)}</td>
                  <td className="py-1.5 pr-3 whitespace-nowrap">{run.asOf}</td>
                  <td className="py-1.5 pr-3">{run.trigger}</td>
                  <td className="py-1.5 pr-3">
                    {run.dryRun ? `${t('dryRun')} · ` : ''}
                    {t(`runStatus.${run.status as 'completed'}`)}
                    {run.stopReason ? <span className="block text-xs text-muted">{run.stopReason}</span> : null}
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{run.actorsRemoved}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{run.recordsProcessed}</td>
                  <td className="py-1.5 text-right tabular-nums">{run.errors}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
