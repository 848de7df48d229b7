/** The statuses a cleanup run can have: the check constraint of `cleanup_runs.status` (db/schema/cleanup.ts). */
export const RUN_STATUSES = ['running', 'completed', 'partial', 'failed', 'interrupted', 'tripped', 'paused'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** The triggers the product itself writes (a run's `trigger`); others may appear (`bench`). */
export const RUN_TRIGGERS = ['schedule', 'dashboard', 'api', 'cli', 'demo'] as const;
