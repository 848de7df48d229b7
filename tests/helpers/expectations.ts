import { expect } from 'vitest';

export type Expectation = { asOf: string; afterCleanup: boolean; actorId: number; report: Record<string, unknown> };

function sortReasons(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return [...value].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Deep partial equality of INTERFACES.md: every field the expectation gives; `reasons` as sets. */
export function matchesExpectation(report: unknown, expectation: Expectation): void {
  const actual = report as Record<string, unknown>;
  const check = (exp: unknown, act: unknown, at: string) => {
    if (exp !== null && typeof exp === 'object' && !Array.isArray(exp)) {
      expect(act, `${at} is missing`).toBeTypeOf('object');
      for (const [k, v] of Object.entries(exp)) check(v, (act as Record<string, unknown>)?.[k], `${at}.${k}`);
      return;
    }
    if (at.endsWith('.reasons')) {
      expect(sortReasons(act), at).toEqual(sortReasons(exp));
      return;
    }
    expect(act, at).toEqual(exp);
  };
  check(expectation.report, actual, `actor ${expectation.actorId} on ${expectation.asOf}${expectation.afterCleanup ? ' after cleanup' : ''}: report`);
}
