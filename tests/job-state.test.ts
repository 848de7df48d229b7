import { describe, expect, it } from 'vitest';
import { decideBreaker, deriveJobState, estimateBacklogClearedAt } from '@/lib/cleanup/job-state';

const now = new Date('2026-11-23T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const base = { isRunning: false, isTripped: false, isPaused: false, lastSuccessAt: minutesAgo(5), scheduleStartedAt: minutesAgo(600), cadenceMinutes: 10, now };

describe('the job state', () => {
  it('is running while a run works, whatever else holds', () => {
    expect(deriveJobState({ ...base, isRunning: true, isTripped: true, isPaused: true })).toBe('running');
  });
  it('is tripped before paused', () => {
    expect(deriveJobState({ ...base, isTripped: true, isPaused: true })).toBe('tripped');
    expect(deriveJobState({ ...base, isPaused: true, lastSuccessAt: minutesAgo(999) })).toBe('paused');
  });
  it('is stale after three cadences without a successful run', () => {
    expect(deriveJobState({ ...base, lastSuccessAt: minutesAgo(29) })).toBe('idle');
    expect(deriveJobState({ ...base, lastSuccessAt: minutesAgo(31) })).toBe('stale');
    expect(deriveJobState({ ...base, lastSuccessAt: null, scheduleStartedAt: minutesAgo(31) })).toBe('stale');
    expect(deriveJobState({ ...base, lastSuccessAt: minutesAgo(999), scheduleStartedAt: minutesAgo(2) })).toBe('idle');
    expect(deriveJobState({ ...base, lastSuccessAt: null, scheduleStartedAt: null })).toBe('idle');
  });
});

describe('the circuit breaker', () => {
  const thresholds = { maxActors: 1000, maxShare: 0.01 };
  it('trips on more than the share of all actors beyond the approval', () => {
    expect(decideBreaker({ dueActors: 101, approvedLeft: 0, actorsTotal: 10_000, thresholds }).trips).toBe(true);
    expect(decideBreaker({ dueActors: 100, approvedLeft: 0, actorsTotal: 10_000, thresholds }).trips).toBe(false);
  });
  it('trips on more than the number of actors beyond the approval', () => {
    expect(decideBreaker({ dueActors: 1001, approvedLeft: 0, actorsTotal: 10_000_000, thresholds }).trips).toBe(true);
  });
  it('lets approved removals through and trips again only beyond them', () => {
    expect(decideBreaker({ dueActors: 5000, approvedLeft: 5000, actorsTotal: 10_000, thresholds }).trips).toBe(false);
    expect(decideBreaker({ dueActors: 5150, approvedLeft: 5000, actorsTotal: 10_000, thresholds }).trips).toBe(true);
  });
  it('never trips when nothing is due', () => {
    expect(decideBreaker({ dueActors: 0, approvedLeft: 0, actorsTotal: 0, thresholds }).trips).toBe(false);
  });
});

describe('the backlog estimate', () => {
  it('divides the backlog by the recent throughput per run at the cadence', () => {
    expect(estimateBacklogClearedAt({ backlogRecords: 1000, recentRecordsPerRun: [300, 0, 200], cadenceMinutes: 10, now })?.toISOString()).toBe(
      new Date(now.getTime() + 4 * 10 * 60_000).toISOString(),
    );
    expect(estimateBacklogClearedAt({ backlogRecords: 0, recentRecordsPerRun: [], cadenceMinutes: 10, now })).toEqual(now);
    expect(estimateBacklogClearedAt({ backlogRecords: 10, recentRecordsPerRun: [0, 0], cadenceMinutes: 10, now })).toBeNull();
  });
});
