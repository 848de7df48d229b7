import 'server-only';
import { changedByOf, type Caller } from '@/lib/auth/caller';
import { getCleanupConfig } from '@/lib/cleanup/config';
import { getBacklogHistory } from '@/lib/cleanup/backlog-history';
import { countDue } from '@/lib/cleanup/count-due';
import { acknowledgeBreaker, getJobStatus, getRecentRuns, isRunActive, pauseJob, resumeJob, runScheduledCleanup } from '@/lib/cleanup/job';
import { runCleanup } from '@/lib/cleanup/run';
import { todayIn } from '@/lib/retention/dates';
import { getServerDb } from '@/server/db';

/** The job's state (GET cleanup/status, the ops screen). */
export async function getCleanupStatus() {
  return getJobStatus(await getServerDb(), { cadenceMinutes: getCleanupConfig().cadenceMinutes });
}

/** Recent runs with their summaries (GET cleanup/runs). */
export async function getCleanupRuns(limit: number) {
  return getRecentRuns(await getServerDb(), { limit });
}

/** The backlog's burn-down over the last `days` days (GET cleanup/backlog, the ops screen). */
export async function getCleanupBacklogHistory(days: number) {
  return getBacklogHistory(await getServerDb(), { today: todayIn(getCleanupConfig().timeZone), days });
}

export class CannotRunError extends Error {
  constructor(
    readonly code: 'PAUSED' | 'TRIPPED' | 'RUN_ACTIVE' | 'COUNT_CHANGED',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * Starts a cleanup run now, in this process, and returns its id once the run record exists (the
 * run goes on in the background). Refused (CannotRunError → 409) when the job is paused (a dry run
 * is allowed), tripped, or a run is active. A run whose removals the caller confirmed after seeing
 * the count (`confirmedRemovals` equal to what is due now) is attended: the breaker does not stop
 * it. Any other run passes the circuit breaker like a scheduled one.
 */
export async function startRunNow(caller: Caller, params: { dryRun: boolean; confirmedRemovals?: number }): Promise<{ runId: string; attended: boolean }> {
  const db = await getServerDb();
  const config = getCleanupConfig();
  const status = await getJobStatus(db, { cadenceMinutes: config.cadenceMinutes });
  if (status.paused && !params.dryRun) throw new CannotRunError('PAUSED', 'the cleanup job is paused (a dry run is still allowed)');
  if (status.tripped && !params.dryRun) throw new CannotRunError('TRIPPED', 'the circuit breaker has tripped: an admin must acknowledge it first', status.tripped.details ?? {});
  if (await isRunActive(db)) throw new CannotRunError('RUN_ACTIVE', 'a cleanup run is active');
  const asOf = todayIn(config.timeZone);
  const trigger = caller.kind === 'user' ? 'dashboard' : 'api';
  let attended = false;
  if (!params.dryRun && params.confirmedRemovals !== undefined) {
    const due = await countDue(db, { asOf });
    if (due.actors !== params.confirmedRemovals) {
      throw new CannotRunError('COUNT_CHANGED', `the number of actors due changed (${due.actors}, not ${params.confirmedRemovals}): confirm again`, { dueActors: due.actors });
    }
    attended = true;
  }
  const base = { asOf, trigger, timeBudgetMs: config.timeBudgetMs, rowLimit: config.rowLimit, batchActors: config.batchActors, lockTimeoutMs: config.lockTimeoutMs };
  return new Promise((resolve, reject) => {
    let started = false;
    const onStart = (runId: string) => {
      started = true;
      resolve({ runId, attended });
    };
    const work =
      params.dryRun || attended
        ? runCleanup(db, { ...base, dryRun: params.dryRun, onStart }).then(() => undefined)
        : runScheduledCleanup(db, { ...base, onStart }).then((outcome) => {
            if (!outcome.ran && !started) {
              if (outcome.reason === 'tripped') reject(new CannotRunError('TRIPPED', 'the circuit breaker tripped: too many actors would be removed', outcome.details));
              else if (outcome.reason === 'paused') reject(new CannotRunError('PAUSED', 'the cleanup job is paused'));
              else reject(new CannotRunError('RUN_ACTIVE', 'a cleanup run is active'));
            }
          });
    work.catch((e: unknown) => {
      const code = (e as { code?: string }).code;
      if (!started) {
        if (code === 'CLEANUP_BUSY') reject(new CannotRunError('RUN_ACTIVE', 'a cleanup run is active'));
        else if (code === 'CLEANUP_PAUSED') reject(new CannotRunError('PAUSED', 'the cleanup job is paused'));
        else reject(e);
      } else console.error(`cleanup run failed (${code ?? 'error'})`);
    });
  });
}

export async function pauseCleanup(caller: Caller) {
  await pauseJob(await getServerDb(), changedByOf(caller));
  return getCleanupStatus();
}

export async function resumeCleanup(caller: Caller) {
  await resumeJob(await getServerDb(), changedByOf(caller));
  return getCleanupStatus();
}

/** Approves the removals that tripped the breaker; CannotRunError when it has not tripped. */
export async function acknowledgeCleanup(caller: Caller) {
  const db = await getServerDb();
  const config = getCleanupConfig();
  const status = await getJobStatus(db, { cadenceMinutes: config.cadenceMinutes });
  if (!status.tripped) throw new CannotRunError('TRIPPED', 'the circuit breaker has not tripped: nothing to acknowledge');
  const result = await acknowledgeBreaker(db, { by: changedByOf(caller), asOf: todayIn(config.timeZone) });
  return { ...result, status: await getCleanupStatus() };
}
