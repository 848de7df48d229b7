/*
 * The circuit breaker's default thresholds (RETENTION.md, "The cleanup job"): a change or a run
 * that would remove more actors than BREAKER_MAX_ACTORS, or more than BREAKER_MAX_SHARE of all
 * actors, needs an admin's explicit approval. The breaker itself comes with a later issue; the
 * settings what-if already says whether a change would trip it.
 */

/** Default `breakerMaxActors`: at most this many actors removed without an approval. */
export const BREAKER_MAX_ACTORS = 1000;
/** Default `breakerMaxShare`: at most this share of all actors (0.01 = 1 %) removed without an approval. */
export const BREAKER_MAX_SHARE = 0.01;

export type BreakerThresholds = { maxActors: number; maxShare: number };

export const DEFAULT_BREAKER_THRESHOLDS: BreakerThresholds = { maxActors: BREAKER_MAX_ACTORS, maxShare: BREAKER_MAX_SHARE };

/** The share of all actors that `actors` is (0 in an empty library). */
export function shareOfActors(actors: number, actorsTotal: number): number {
  return actorsTotal > 0 ? actors / actorsTotal : 0;
}

/**
 * True when removing `actors` of `actorsTotal` goes beyond either threshold: more than
 * `maxActors`, or more than `maxShare` of all actors. Zero actors never exceeds it.
 */
export function exceedsBreaker(actors: number, actorsTotal: number, thresholds: BreakerThresholds = DEFAULT_BREAKER_THRESHOLDS): boolean {
  if (actors <= 0) return false;
  return actors > thresholds.maxActors || shareOfActors(actors, actorsTotal) > thresholds.maxShare;
}
