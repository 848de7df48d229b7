import { exceedsBreaker, type BreakerThresholds } from '../settings/breaker';

/** The cleanup job's states of INTERFACES.md. */
export type JobState = 'idle' | 'running' | 'paused' | 'tripped' | 'stale';

/** Runs missing for this many cadences make the job `stale`. */
export const STALE_AFTER_CADENCES = 3;

/**
 * The job's state from what is stored: a run that works now wins (ops must see it), then a
 * tripped breaker (it needs an admin), then the pause switch; otherwise `stale` when no run has
 * succeeded for STALE_AFTER_CADENCES cadences since the job could have run (the later of the last
 * success and the time the schedule started), else `idle`. Pure: the caller passes the clock.
 */
export function deriveJobState(input: {
  isRunning: boolean;
  isTripped: boolean;
  isPaused: boolean;
  lastSuccessAt: Date | null;
  scheduleStartedAt: Date | null;
  cadenceMinutes: number;
  now: Date;
}): JobState {
  if (input.isRunning) return 'running';
  if (input.isTripped) return 'tripped';
  if (input.isPaused) return 'paused';
  const since = [input.lastSuccessAt, input.scheduleStartedAt].filter((d): d is Date => d !== null);
  if (since.length === 0) return 'idle';
  const latest = Math.max(...since.map((d) => d.getTime()));
  const limit = STALE_AFTER_CADENCES * input.cadenceMinutes * 60_000;
  return input.now.getTime() - latest > limit ? 'stale' : 'idle';
}

export type BreakerDecision =
  | { trips: false; approvedLeft: number }
  | { trips: true; dueActors: number; unapproved: number; actorsTotal: number; thresholds: BreakerThresholds };

/**
 * The circuit breaker of RETENTION.md for a scheduled run: `dueActors` would be removed, the admin
 * approved `approvedLeft` removals that are not done yet. The run trips when the removals beyond
 * the approval exceed either threshold; otherwise it goes on, using up the approval first.
 */
export function decideBreaker(input: {
  dueActors: number;
  /** Of the due actors, those removed on their own removal request: a person decided it (RETENTION.md). */
  requestedActors?: number;
  approvedLeft: number;
  actorsTotal: number;
  thresholds: BreakerThresholds;
}): BreakerDecision {
  const unapproved = Math.max(0, input.dueActors - (input.requestedActors ?? 0) - input.approvedLeft);
  if (exceedsBreaker(unapproved, input.actorsTotal, input.thresholds)) {
    return { trips: true, dueActors: input.dueActors, unapproved, actorsTotal: input.actorsTotal, thresholds: input.thresholds };
  }
  return { trips: false, approvedLeft: input.approvedLeft };
}

/**
 * When the backlog will be cleared at the current cadence, from recent runs' throughput (records
 * per run that processed something). `null` when there is nothing to go by; `now` when nothing is due.
 */
export function estimateBacklogClearedAt(input: {
  backlogRecords: number;
  recentRecordsPerRun: number[];
  cadenceMinutes: number;
  now: Date;
}): Date | null {
  if (input.backlogRecords <= 0) return input.now;
  const working = input.recentRecordsPerRun.filter((n) => n > 0);
  if (working.length === 0) return null;
  const perRun = working.reduce((s, n) => s + n, 0) / working.length;
  const runs = Math.ceil(input.backlogRecords / perRun);
  return new Date(input.now.getTime() + runs * input.cadenceMinutes * 60_000);
}
