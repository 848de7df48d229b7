'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button-styles';
import { LocalDate, LocalDateTime } from '@/components/ui/local-date';
import { formatCount } from '@/i18n/format';
import type { JobStatus } from '@/lib/cleanup/job';
import { ApiCallError } from './api';

export type ControlAction = { path: 'pause' | 'resume' | 'run' | 'acknowledge'; body?: object };

const STATE_STYLE: Record<JobStatus['state'], string> = {
  idle: 'bg-ok/10 text-ok ring-ok/30',
  running: 'bg-brand-soft text-brand ring-brand/30',
  paused: 'bg-warn/10 text-warn ring-warn/30',
  tripped: 'bg-danger/10 text-danger ring-danger/30',
  stale: 'bg-danger/10 text-danger ring-danger/30',
};

type Props = {
  status: JobStatus;
  canControl: boolean;
  canAcknowledge: boolean;
  timeZone: string;
  pending: boolean;
  message: { kind: 'ok' | 'error'; text: string } | null;
  /** Posts the action; resolves when it was accepted, rejects with the API's refusal. */
  act: (action: ControlAction) => Promise<void>;
};

/**
 * The job's state, health and breaker, the live progress of a running run, and the controls the
 * role may use. "Run now" first shows how many actors the run will remove (the backlog counted at
 * the end of the last run) and asks; the confirmed number goes to the API, which counts again and
 * answers 409 COUNT_CHANGED with the new number when it differs, so the operator confirms what is
 * really due. A run confirmed this way is attended: the circuit breaker does not stop it
 * (RETENTION.md, "Circuit breaker").
 */
export function JobPanel({ status: s, canControl, canAcknowledge, timeZone, pending, message, act }: Props) {
  const t = useTranslations('cleanup');
  const locale = useLocale();
  const n = (v: number) => formatCount(locale, v);
  const [confirm, setConfirm] = useState<{ actors: number; records: number | null; changed: boolean } | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const isRunning = s.state === 'running';
  const cannotRun = pending || isRunning || !!s.paused || !!s.tripped;

  useEffect(() => {
    if (confirm) confirmRef.current?.focus();
  }, [confirm]);

  const openConfirm = () =>
    setConfirm({ actors: s.backlog?.actors ?? 0, records: s.backlog ? s.backlog.recordsTotal : null, changed: false });

  const runConfirmed = async () => {
    if (!confirm) return;
    try {
      await act({ path: 'run', body: { dryRun: false, confirmedRemovals: confirm.actors } });
      setConfirm(null);
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'COUNT_CHANGED' && typeof e.details?.dueActors === 'number') {
        setConfirm({ actors: e.details.dueActors, records: null, changed: true });
      } else setConfirm(null);
    }
  };

  const runningRun = s.running;
  return (
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
          <dd>{s.lastSuccessAt ? <LocalDateTime at={s.lastSuccessAt} timeZone={timeZone} /> : '—'}</dd>
        </div>
        <div>
          <dt className="text-muted">{t('nextRun')}</dt>
          <dd>{s.nextRunAt ? <LocalDateTime at={s.nextRunAt} timeZone={timeZone} /> : t('notScheduled')}</dd>
        </div>
        <div>
          <dt className="text-muted">{t('cadence')}</dt>
          <dd>{t('everyMinutes', { minutes: s.cadenceMinutes })}</dd>
        </div>
        <div>
          <dt className="text-muted">{t('approved')}</dt>
          <dd className="tabular-nums">{n(s.breaker.approvedActorsLeft)}</dd>
        </div>
      </dl>
      {s.state === 'stale' ? <p className="mt-3 rounded-md bg-danger/5 p-3 text-sm text-danger">{t('staleExplained', { cadences: 3 })}</p> : null}
      {s.paused ? (
        <p className="mt-3 text-sm">
          {t.rich('pausedBy', { by: s.paused.by ?? '?', at: () => (s.paused?.at ? <LocalDateTime at={s.paused.at} timeZone={timeZone} /> : '—') })}
        </p>
      ) : null}
      {s.tripped ? (
        <p className="mt-3 rounded-md bg-danger/5 p-3 text-sm text-danger" role="alert" data-testid="breaker-tripped">
          {t('tripped', {
            unapproved: n(Number(s.tripped.details?.unapproved ?? 0)),
            due: n(Number(s.tripped.details?.dueActors ?? 0)),
            total: n(Number(s.tripped.details?.actorsTotal ?? 0)),
            maxActors: n(s.breaker.maxActors),
            maxShare: (s.breaker.maxShare * 100).toFixed(2),
          })}
        </p>
      ) : null}
      {runningRun ? (
        <div className="mt-4 rounded-md bg-brand-soft/60 p-3" data-testid="run-progress" aria-live="polite">
          <p className="text-sm font-medium">{t.rich('runningNow', { asOf: () => <LocalDate date={runningRun.asOf} /> })}</p>
          <p className="text-sm text-muted">
            {t('progress', {
              actors: n(runningRun.actorsExamined),
              removed: n(runningRun.actorsRemoved),
              records: n(runningRun.recordsProcessed),
              batches: n(runningRun.batches),
              seconds: Math.round(runningRun.durationMs / 1000),
            })}
          </p>
        </div>
      ) : null}
      {canControl || canAcknowledge ? (
        <div className="mt-5 flex flex-wrap gap-2">
          {canControl && !s.paused ? (
            <button type="button" className={buttonClass('secondary')} disabled={pending} onClick={() => void act({ path: 'pause' }).catch(() => undefined)}>
              {t('pause')}
            </button>
          ) : null}
          {canControl && s.paused ? (
            <button type="button" className={buttonClass('primary')} disabled={pending} onClick={() => void act({ path: 'resume' }).catch(() => undefined)}>
              {t('resume')}
            </button>
          ) : null}
          {canControl ? (
            <button type="button" className={buttonClass('primary')} disabled={cannotRun || !!confirm} onClick={openConfirm} aria-expanded={!!confirm} aria-controls="run-now-confirm">
              {t('runNow')}
            </button>
          ) : null}
          {canControl ? (
            <button
              type="button"
              className={buttonClass('secondary')}
              disabled={pending || isRunning}
              onClick={() => void act({ path: 'run', body: { dryRun: true } }).catch(() => undefined)}
            >
              {t('dryRunNow')}
            </button>
          ) : null}
          {canAcknowledge && s.tripped ? (
            <button type="button" className={buttonClass('danger')} disabled={pending} onClick={() => void act({ path: 'acknowledge' }).catch(() => undefined)}>
              {t('acknowledge')}
            </button>
          ) : null}
        </div>
      ) : null}
      {confirm ? (
        <div
          id="run-now-confirm"
          ref={confirmRef}
          tabIndex={-1}
          role="group"
          aria-labelledby="run-now-confirm-text"
          className="mt-4 rounded-md border border-warn/40 bg-warn/5 p-4"
          data-testid="run-now-confirm"
        >
          <p id="run-now-confirm-text" className="text-sm">
            {confirm.changed
              ? t('confirmRun.changed', { actors: n(confirm.actors) })
              : confirm.records === null
                ? t('confirmRun.notCounted')
                : t('confirmRun.question', { actors: n(confirm.actors), records: n(confirm.records) })}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" className={buttonClass(confirm.actors > 0 ? 'danger' : 'primary')} disabled={pending} onClick={() => void runConfirmed()}>
              {t('confirmRun.confirm', { actors: confirm.actors, shown: n(confirm.actors) })}
            </button>
            <button type="button" className={buttonClass('secondary')} disabled={pending} onClick={() => setConfirm(null)}>
              {t('confirmRun.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <p aria-live="polite" className={`mt-3 text-sm ${message?.kind === 'error' ? 'text-danger' : 'text-ok'}`}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
