'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button-styles';
import { LocalDate, LocalDateTime } from '@/components/ui/local-date';
import { formatCount } from '@/i18n/format';
import type { JobStatus } from '@/lib/cleanup/job';
import { ApiCallError } from './api';
import { ScheduleState } from './schedule-state';

export type ControlAction = { path: 'pause' | 'resume' | 'run' | 'acknowledge'; body?: object };

/** API refusals of a run now that the job panel answers by asking again (not shown as errors). */
export const ASK_AGAIN_CODES = ['COUNT_CHANGED', 'CONFIRMATION_EXPIRED', 'CONFIRMATION_USED', 'CONFIRMATION_INVALID'] as const;

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
  /** What the run started here did (or that it works), below the controls. */
  outcome?: ReactNode;
  /** Posts the action; resolves when it was accepted, rejects with the API's refusal. */
  act: (action: ControlAction) => Promise<void>;
  /** Asks the API for a run-now confirmation (a fresh count); rejects with the API's refusal. */
  requestConfirmation: () => Promise<RunConfirmationAnswer>;
};

/** What POST cleanup/run/confirmation answers: a fresh count of what a run now removes. */
export type RunConfirmationAnswer = { confirmationId: string; actorsDue: number; recordsDue: number; expiresAt: string };

/** Why the panel asks (again): first time, the count changed, the confirmation expired or was used. */
type AskReason = 'question' | 'changed' | 'expired' | 'invalid';

/** API refusals of a confirmed run after which the panel asks again with a new confirmation. */
const ASK_AGAIN: Record<(typeof ASK_AGAIN_CODES)[number], AskReason> = {
  COUNT_CHANGED: 'changed',
  CONFIRMATION_EXPIRED: 'expired',
  CONFIRMATION_USED: 'invalid',
  CONFIRMATION_INVALID: 'invalid',
};

/** Minutes a confirmation is valid (lib/cleanup/run-confirmation.ts, RUN_CONFIRMATION_MINUTES). */
const CONFIRMATION_MINUTES = 5;

/**
 * The job's state, health and breaker, the live progress of a running run, and the controls the
 * role may use. "Run now" first asks the API for a confirmation: a fresh count of what the run
 * will remove, valid five minutes for this session only. The panel shows that count and asks; the
 * confirmed run carries the confirmation's id, and the API counts again: when the count changed,
 * or the confirmation expired, the panel gets a new one and asks again with its numbers. A run
 * confirmed this way is attended: the circuit breaker does not stop it (RETENTION.md, "Circuit
 * breaker"); API tokens cannot get a confirmation, so a script's run always passes the breaker.
 */
export function JobPanel({ status: s, canControl, canAcknowledge, timeZone, pending, message, outcome, act, requestConfirmation }: Props) {
  const t = useTranslations('cleanup');
  const locale = useLocale();
  const n = (v: number) => formatCount(locale, v);
  const [confirm, setConfirm] = useState<(RunConfirmationAnswer & { reason: AskReason }) | null>(null);
  const [isCounting, setIsCounting] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const isRunning = s.state === 'running';
  const cannotRun = pending || isCounting || isRunning || !!s.paused || !!s.tripped;

  useEffect(() => {
    if (confirm) confirmRef.current?.focus();
  }, [confirm]);

  const ask = async (reason: AskReason) => {
    setIsCounting(true);
    try {
      setConfirm({ ...(await requestConfirmation()), reason });
    } catch {
      // The dashboard shows the refusal; nothing to confirm without a count.
      setConfirm(null);
    } finally {
      setIsCounting(false);
    }
  };

  const runConfirmed = async () => {
    if (!confirm) return;
    try {
      await act({ path: 'run', body: { confirmationId: confirm.confirmationId } });
      setConfirm(null);
    } catch (e) {
      const code = e instanceof ApiCallError ? e.code : undefined;
      const reason = code && code in ASK_AGAIN ? ASK_AGAIN[code as keyof typeof ASK_AGAIN] : undefined;
      if (reason) await ask(reason);
      else setConfirm(null);
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
      <ScheduleState schedule={s.schedule} timeZone={timeZone} />
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
          <p className="text-sm font-medium">{t.rich(runningRun.dryRun ? 'dryRunningNow' : 'runningNow', { asOf: () => <LocalDate date={runningRun.asOf} /> })}</p>
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
            <button type="button" className={buttonClass('primary')} disabled={cannotRun || !!confirm} onClick={() => void ask('question')} aria-expanded={!!confirm} aria-controls="run-now-confirm">
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
      {isCounting ? (
        <p role="status" className="mt-4 text-sm text-muted" data-testid="run-now-counting">
          {t('confirmRun.counting')}
        </p>
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
            {t(`confirmRun.${confirm.reason}`, { actors: n(confirm.actorsDue), records: n(confirm.recordsDue), minutes: CONFIRMATION_MINUTES })}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" className={buttonClass(confirm.actorsDue > 0 ? 'danger' : 'primary')} disabled={pending || isCounting} onClick={() => void runConfirmed()}>
              {t('confirmRun.confirm', { actors: confirm.actorsDue, shown: n(confirm.actorsDue) })}
            </button>
            <button type="button" className={buttonClass('secondary')} disabled={pending || isCounting} onClick={() => setConfirm(null)}>
              {t('confirmRun.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <p aria-live="polite" className={`mt-3 text-sm ${message?.kind === 'error' ? 'text-danger' : 'text-ok'}`}>
        {message?.text ?? ''}
      </p>
      {outcome}
    </section>
  );
}
