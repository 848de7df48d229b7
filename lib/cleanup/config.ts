import { getEnv } from '../env';

/** The cleanup's limits and schedule from the environment (README, "Configuration"). */
export function getCleanupConfig() {
  const env = getEnv();
  return {
    cadenceMinutes: env.CLEANUP_INTERVAL_MINUTES,
    timeZone: env.RETENTION_TIME_ZONE,
    timeBudgetMs: env.CLEANUP_TIME_BUDGET_SECONDS * 1000,
    rowLimit: env.CLEANUP_ROW_LIMIT,
    batchActors: env.CLEANUP_BATCH_ACTORS,
    lockTimeoutMs: env.CLEANUP_LOCK_TIMEOUT_MS,
    cronCheckSeconds: env.CLEANUP_CRON_CHECK_SECONDS,
    workerEnabled: env.CLEANUP_WORKER === 'on',
  };
}
