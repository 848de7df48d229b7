import { z } from 'zod';
import { isIsoDate } from '../retention/dates';

/*
 * Parameters of the HTTP API. Every bad input is a 400 that names the parameter (INTERFACES.md:
 * "400 for every kind of bad input, never 422"); unknown query parameters are bad input too.
 */

export class BadParameterError extends Error {
  readonly code = 'BAD_PARAMETER';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`${parameter}: ${message}`);
  }
}

export const apiDateSchema = z
  .string()
  .max(10)
  .refine(isIsoDate, { message: 'must be a real calendar date written YYYY-MM-DD' });

export const actorIdParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, { message: 'must be a positive whole number' })
  .transform(Number)
  .refine(Number.isSafeInteger, { message: 'is too large' });

/** Validates the query string against a strict object schema; the first problem names its parameter. */
export function parseQuery<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (key in raw) throw new BadParameterError(key, 'is given more than once');
    raw[key] = value;
  }
  return parseParam(raw, schema);
}

/** Validates values (path or query parameters) against a schema, naming the first bad parameter. */
export function parseParam<S extends z.ZodType>(value: unknown, schema: S, name?: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') throw new BadParameterError(issue.keys[0] ?? 'query', 'is not a parameter of this endpoint');
  throw new BadParameterError(name ?? String(issue.path[0] ?? 'query'), issue.message);
}

export const actorRetentionQuerySchema = z.strictObject({ asOf: apiDateSchema.optional() });
export const noQuerySchema = z.strictObject({});
