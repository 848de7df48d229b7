import { describe, expect, it } from 'vitest';
import { actorIdParamSchema, actorRetentionQuerySchema, BadParameterError, parseParam, parseQuery, runsQuerySchema } from '@/lib/validation/api';

import type { z } from 'zod';

const query = (q: string, schema: z.ZodType = actorRetentionQuerySchema) => () => parseQuery(new URL(`http://localhost/x${q}`), schema);

describe('API parameters', () => {
  it.each([
    ['?asOf=2026-02-30', 'asOf'],
    ['?asOf=', 'asOf'],
    ['?asOf=2024-01-01&asOf=2024-01-02', 'asOf'],
    ['?foo=1', 'foo'],
    ['?__proto__=1', '__proto__'],
    ['?constructor=1', 'constructor'],
  ])('%s is refused, naming %s', (q, parameter) => {
    try {
      query(q)();
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(BadParameterError);
      expect((e as BadParameterError).parameter).toBe(parameter);
    }
  });
  it('accepts a real date and no parameters', () => {
    expect(query('?asOf=2024-02-29')()).toEqual({ asOf: '2024-02-29' });
    expect(query('')()).toEqual({});
    expect(query('?limit=500', runsQuerySchema)()).toEqual({ limit: 500 });
    expect(query('?limit=501', runsQuerySchema)).toThrow(BadParameterError);
  });
  it.each(['0', '-1', '1.5', 'abc', '99999999999999999999', '1001 or 1=1', ''])('actor id %j is refused', (id) => {
    expect(() => parseParam(id, actorIdParamSchema, 'actorId')).toThrow(/actorId/);
  });
});

describe('error logging', () => {
  it('keeps the kind of an error, never its text', async () => {
    const { describeError } = await import('@/lib/errors');
    const pgError = Object.assign(new Error('Key (actor_id)=(1001) is still referenced'), { code: '23503' });
    expect(describeError(pgError)).toBe('Error 23503');
    expect(describeError(new TypeError('actor 1001'))).toBe('TypeError');
    expect(describeError('actor 1001')).toBe('string');
  });
});
