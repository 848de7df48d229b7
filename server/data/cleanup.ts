import 'server-only';
import { changedByOf, type Caller } from '@/lib/auth/caller';
import { ForbiddenError } from '@/lib/auth/errors';
import { getCleanupConfig } from '@/lib/cleanup/config';
import { getBacklogHistory } from '@/lib/cleanup/backlog-history';
import { countDueNow } from '@/lib/cleanup/backlog';
import { acknowledgeBreaker, countRuns, getJobStatus, getRecentRuns, isRunActive, pauseJob, resumeJob, runScheduledCleanup, type RunFilter } from '@/lib/cleanup/job';
import { runCleanup } from '@/lib/cleanup/run';
import { consumeRunConfirmation, createRunConfirmation, RunConfirmationError, type RunConfirmation } from '@/lib/cleanup/run-confirmation';
import { todayIn } from '@/lib/retention/dates';
import { getServerDb } from '@/server/db';

/** The job's state (GET cleanup/status, the ops screen). */
export async function getCleanupStatus() {
  return getJobStatus(await getServerDb(), { cadenceMinutes: getCleanupConfig().cadenceMinutes });
}

/**
 * The newest runs that pass the filters, with their summaries, and how many pass them in all
 * (GET cleanup/runs, the ops screen's run history). Days are read in the job's time zone.
 */
export async function getCleanupRuns(limit: number, filter: Omit<RunFilter, 'timeZone'> = {}) {
  const db = await getServerDb();
  const scoped = { ...filter, timeZone: getCleanupConfig().timeZone };
  const [runs, total] = await Promise.all([getRecentRuns(db, { ...scoped, limit }), countRuns(db, scoped)]);
  return { runs, total };
}

/** The backlog's burn-down over the last `days` days (GET cleanup/backlog, the ops screen). */
export async function getCleanupBacklogHistory(days: number) {
  return getBacklogHistory(await getServerDb(), { today: todayIn(getCleanupConfig().timeZone), days });
}

export class CannotRunError extends Error {
  constructor(
    readonly code: 'PAUSED' | 'TRIPPED' | 'RUN_ACTIVE' | 'COUNT_CHANGED' | RunConfirmationError['code'],
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * Counts what a run now would remove, for the person at the ops screen to confirm (POST
 * cleanup/run/confirmation). Only a signed-in session gets one (ForbiddenError → 403 for an API
 * token): a confirmed run is attended, and a script must never be.
 */
export async function createRunNowConfirmation(caller: Caller): Promise<RunConfirmation> {
  if (caller.kind !== 'user') throw new ForbiddenError('a run-now confirmation is for a person signed in on the dashboard; an API token cannot get one');
  const config = getCleanupConfig();
  return createRunConfirmation(await getServerDb(), { sessionId: caller.sessionId, userId: caller.userId, asOf: todayIn(config.timeZone) });
}

/**
 * Starts a cleanup run now, in this process, and returns its id once the run record exists (the
 * run goes on in the background). Refused (CannotRunError → 409) when the job is paused (a dry run
 * is allowed) or a run is active. A run that presents a confirmation of the caller's own session
 * (POST cleanup/run/confirmation: unused, not expired) whose count still holds is attended: the
 * breaker does not stop it, even while the job is tripped. Any other run, and so every API
 * token's, passes the circuit breaker like a scheduled one: refused while tripped; one that would
 * remove too many actors removes nothing, is recorded as a tripped run, trips the job and is refused.
 */
export async function startRunNow(caller: Caller, params: { dryRun: boolean; confirmationId?: string }): Promise<{ runId: string; attended: boolean }> {
  const db = await getServerDb();
  const config = getCleanupConfig();
  const status = await getJobStatus(db, { cadenceMinutes: config.cadenceMinutes });
  const confirming = !params.dryRun && params.confirmationId !== undefined;
  if (status.paused && !params.dryRun) throw new CannotRunError('PAUSED', 'the cleanup job is paused (a dry run is still allowed)');
  if (status.tripped && !params.dryRun && !confirming) throw new CannotRunError('TRIPPED', 'the circuit breaker has tripped: an admin must acknowledge it first', status.tripped.details ?? {});
  if (await isRunActive(db)) throw new CannotRunError('RUN_ACTIVE', 'a cleanup run is active');
  const asOf = todayIn(config.timeZone);
  const trigger = caller.kind === 'user' ? 'dashboard' : 'api';
  let attended = false;
  if (confirming) {
    if (caller.kind !== 'user') {
      throw new CannotRunError('CONFIRMATION_INVALID', 'only a person signed in on the dashboard confirms a run; a run with an API token is subject to the circuit breaker');
    }
    let confirmed: Awaited<ReturnType<typeof consumeRunConfirmation>>;
    try {
      confirmed = await consumeRunConfirmation(db, { confirmationId: params.confirmationId!, sessionId: caller.sessionId, userId: caller.userId });
    } catch (e) {
      if (e instanceof RunConfirmationError) throw new CannotRunError(e.code, e.message);
      throw e;
    }
    const due = await countDueNow(db, { asOf });
    if (confirmed.asOf !== asOf || due.actors !== confirmed.actorsDue) {
      throw new CannotRunError('COUNT_CHANGED', `the number of actors due changed (${due.actors}, not ${confirmed.actorsDue}): confirm again`, {
        actorsDue: due.actors,
        recordsDue: due.recordsTotal,
        confirmedActorsDue: confirmed.actorsDue,
      });
    }
    attended = true;
  }
  const base = { asOf, trigger, startedBy: changedByOf(caller).label, timeBudgetMs: config.timeBudgetMs, rowLimit: config.rowLimit, batchActors: config.batchActors, lockTimeoutMs: config.lockTimeoutMs };
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
              if (outcome.reason === 'tripped') {
                reject(new CannotRunError('TRIPPED', 'the circuit breaker tripped: too many actors would be removed', { ...outcome.details, ...(outcome.runId ? { runId: outcome.runId } : {}) }));
              } else if (outcome.reason === 'paused') reject(new CannotRunError('PAUSED', 'the cleanup job is paused'));
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
