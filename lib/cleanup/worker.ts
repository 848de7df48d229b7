import PgBoss from 'pg-boss';
import type { Db } from '../../db/client';
import { todayIn } from '../retention/dates';
import { runScheduledCleanup, type ScheduledOutcome } from './job';

export const CLEANUP_QUEUE = 'retention-cleanup';

export type WorkerOptions = {
  db: Db;
  /** The database URL (pg-boss keeps its queue in a schema of its own in the same database). */
  url: string;
  cadenceMinutes: number;
  timeZone: string;
  timeBudgetMs: number;
  rowLimit: number;
  batchActors: number;
  lockTimeoutMs: number;
  cronCheckSeconds?: number;
  log?: (message: string) => void;
  onOutcome?: (outcome: ScheduledOutcome) => void;
};

/** The cron expression for a cadence in minutes (every N minutes from the hour; 60+ hourly). */
export function cronForCadence(minutes: number): string {
  const n = Math.max(1, Math.round(minutes));
  if (n >= 60) return '0 * * * *';
  return n === 1 ? '* * * * *' : `*/${n} * * * *`;
}

/**
 * Hosts the scheduled cleanup in this process: pg-boss (its queue lives in PostgreSQL) fires the
 * schedule every `cadenceMinutes` minutes, in whichever process hosts a worker, and this process
 * runs the job when it gets it. The queue is only the trigger: exclusivity comes from the
 * cleanup's advisory lock, so a second trigger, a CLI run or a killed run never makes two runs.
 * Logs hold counts, never an actor id.
 */
export async function startCleanupWorker(options: WorkerOptions): Promise<{ stop: () => Promise<void>; triggerNow: () => Promise<void> }> {
  const log = options.log ?? (() => undefined);
  const boss = new PgBoss({
    connectionString: options.url,
    application_name: 'retention-worker',
    max: 3,
    cronMonitorIntervalSeconds: options.cronCheckSeconds ?? 30,
    cronWorkerIntervalSeconds: options.cronCheckSeconds ?? 30,
  });
  boss.on('error', (e: Error) => log(`worker: queue error (${(e as { code?: string }).code ?? e.name})`));
  await boss.start();
  const expire = Math.ceil(options.timeBudgetMs / 1000) + 600;
  await boss.createQueue(CLEANUP_QUEUE, { name: CLEANUP_QUEUE, policy: 'singleton', retryLimit: 0, expireInSeconds: expire });
  await boss.schedule(CLEANUP_QUEUE, cronForCadence(options.cadenceMinutes), {}, { tz: options.timeZone, retryLimit: 0, expireInSeconds: expire });
  await options.db.$client.query('update cleanup_state set schedule_started_at = now() where id = 1');
  await boss.work(CLEANUP_QUEUE, { batchSize: 1, pollingIntervalSeconds: Math.min(options.cronCheckSeconds ?? 30, 10) }, async () => {
    const asOf = todayIn(options.timeZone);
    const outcome = await runScheduledCleanup(options.db, {
      asOf,
      trigger: 'schedule',
      timeBudgetMs: options.timeBudgetMs,
      rowLimit: options.rowLimit,
      batchActors: options.batchActors,
      lockTimeoutMs: options.lockTimeoutMs,
    });
    if (outcome.ran) {
      const s = outcome.summary;
      log(`cleanup ${s.status} for ${s.asOf}: ${s.actorsRemoved} actors removed, ${s.recordsProcessed} records, ${s.errors} failed batches, ${(s.durationMs / 1000).toFixed(1)} s`);
    } else log(`cleanup not run for ${asOf}: ${outcome.reason}`);
    options.onOutcome?.(outcome);
  });
  log(`cleanup worker: every ${options.cadenceMinutes} min (${cronForCadence(options.cadenceMinutes)}, ${options.timeZone})`);
  return {
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 30_000 });
    },
    /** Puts a job on the queue now, as the schedule does (it runs as a scheduled run). */
    triggerNow: async () => {
      await boss.send(CLEANUP_QUEUE, {});
    },
  };
}

/** startCleanupWorker with the configuration of the environment (lib/cleanup/config.ts). */
export async function startConfiguredWorker(conn: { db: Db; url: string }, log: (message: string) => void) {
  const { getCleanupConfig } = await import('./config');
  const config = getCleanupConfig();
  return startCleanupWorker({ ...config, db: conn.db, url: conn.url, log });
}
