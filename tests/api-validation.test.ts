import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actorIdParamSchema, actorRetentionQuerySchema, BadParameterError, parseJsonBody, parseParam, parseQuery, runsQuerySchema } from '@/lib/validation/api';
import { parseDeletedPerDayQuery } from '@/lib/validation/reports';

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

/** The parameter a refusal names (a BadParameterError is answered 400 with it). */
function refusedParameter(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BadParameterError);
    return (e as BadParameterError).parameter;
  }
  throw new Error('accepted');
}

describe('dates outside the years 1900 to 2200, NUL characters and ids beyond their columns', () => {
  it.each([
    ['?asOf=1899-12-31', 'asOf'],
    ['?asOf=2201-01-01', 'asOf'],
    ['?asOf=0001-01-01', 'asOf'],
    ['?asOf=9999-12-31', 'asOf'],
    ['?asOf=2024-01-01%00', 'asOf'],
  ])('the actor report: %s is refused, naming %s', (q, parameter) => {
    expect(refusedParameter(query(q))).toBe(parameter);
    try {
      query(q)();
    } catch (e) {
      expect((e as Error).message).toMatch(/1900 to 2200|NUL/);
    }
  });

  it.each([
    ['?from=2201-01-01', 'from'],
    ['?from=1899-12-31', 'from'],
    ['?to=0001-01-01', 'to'],
    ['?to=9999-12-31', 'to'],
    ['?from=2024-01-01&to=2201-01-01', 'to'],
    ['?format=csv%00', 'format'],
  ])('the deleted-per-day report: %s is refused, naming %s', (q, parameter) => {
    expect(refusedParameter(() => parseDeletedPerDayQuery(new URL(`http://localhost/x${q}`), '2026-12-01'))).toBe(parameter);
  });

  it('accepts 1900-01-01 and 2200-12-31', () => {
    expect(query('?asOf=1900-01-01')()).toEqual({ asOf: '1900-01-01' });
    expect(query('?asOf=2200-12-31')()).toEqual({ asOf: '2200-12-31' });
    expect(parseDeletedPerDayQuery(new URL('http://localhost/x?from=1900-01-01&to=2200-12-31'), '2026-12-01')).toMatchObject({ from: '1900-01-01', to: '2200-12-31' });
  });

  it.each([
    ['{"reason":"a\\u0000b"}', 'reason'],
    ['{"name":"ok","items":[{"name":"x\\u0000"}]}', 'items[0].name'],
    ['{"a\\u0000":1}', 'a\\u0000'],
  ])('a JSON body with a NUL character %s is refused, naming %s', async (body, parameter) => {
    const schema = z.strictObject({ reason: z.string().optional(), name: z.string().optional(), items: z.array(z.object({ name: z.string() })).optional() });
    const request = new Request('http://localhost/x', { method: 'POST', body });
    const error = await parseJsonBody(request, schema).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BadParameterError);
    expect((error as BadParameterError).parameter).toBe(parameter);
    expect((error as BadParameterError).message).toMatch(/NUL/);
  });

  it('an actor id of the path always fits the bigint column: at most 2^53 − 1', () => {
    expect(parseParam('9007199254740991', actorIdParamSchema, 'actorId')).toBe(9007199254740991);
    for (const id of ['9007199254740992', '9223372036854775807', '9223372036854775808']) expect(refusedParameter(() => parseParam(id, actorIdParamSchema, 'actorId'))).toBe('actorId');
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
