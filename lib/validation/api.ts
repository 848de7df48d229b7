import { z } from 'zod';
import { RUN_STATUSES } from '../cleanup/run-status';
import { STATEMENT_LANGS } from '../requests/statement-text';
import { hasNoNul, isoDateSchema, noNulMessage } from './common';

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

/** Every date parameter of the API (`asOf`, `from`, `to`): the shared date rule, years 1900 to 2200. */
export const apiDateSchema = isoDateSchema;

/**
 * An actor id of a path: at most 16 digits and a safe integer (≤ 2^53 − 1), so it always fits the
 * `bigint` column `actors.id` (≤ 2^63 − 1).
 */
export const actorIdParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, { message: 'must be a positive whole number' })
  .transform(Number)
  .refine(Number.isSafeInteger, { message: 'is too large' });

/** Validates the query string against a strict object schema; the first problem names its parameter. */
export function parseQuery<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
  return parseParam(queryParams(url), schema);
}

/** A query string's parameters as strings; a parameter given twice or holding a NUL is refused. */
export function queryParams(url: URL): Record<string, string> {
  // No prototype: a parameter named `__proto__` is an own key (and so an unknown parameter),
  // never a change of the object's prototype.
  const raw = Object.create(null) as Record<string, string>;
  for (const [key, value] of url.searchParams) {
    if (key in raw) throw new BadParameterError(key, 'is given more than once');
    if (!hasNoNul(value)) throw new BadParameterError(key, noNulMessage());
    raw[key] = value;
  }
  return raw;
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

/** `GET actors/<id>/statement?asOf=D&lang=nl|en`: Dutch when `lang` is absent. */
export const actorStatementQuerySchema = z.strictObject({
  asOf: apiDateSchema.optional(),
  lang: z.enum(STATEMENT_LANGS, { message: 'must be nl or en' }).optional(),
});
export const noQuerySchema = z.strictObject({});

/**
 * A whole-number query parameter from 1 to `max`, given in at most `digits` digits (the length is
 * bounded before the number is read); one message for both checks.
 */
function wholeNumberParam(max: number, digits: number) {
  const message = `must be a whole number from 1 to ${max}`;
  return z
    .string()
    .regex(new RegExp(`^[0-9]{1,${digits}}$`), { message })
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, { message });
}

/** `GET forecast?asOf=D&months=N`: N from 1 to 24 (RETENTION.md, "Forecast"), 12 when absent. */
export const forecastMonthsSchema = wholeNumberParam(24, 2);
export const forecastQuerySchema = z.strictObject({ asOf: apiDateSchema.optional(), months: forecastMonthsSchema.optional() });

/** `GET cleanup/backlog?days=N`: the burn-down's number of days, 1 to 400 (the history kept). */
export const backlogQuerySchema = z.strictObject({ days: wholeNumberParam(400, 3).optional() });

/**
 * `GET cleanup/runs?limit=N&status=S&trigger=T&dryRun=true|false&from=D&to=D`: the newest N runs
 * (1 to 500, 20 when absent) that pass every filter given. `from` and `to` are the days the runs
 * started on, both included, in the job's time zone (RETENTION_TIME_ZONE). The filters are additive
 * to INTERFACES.md's `limit`; the answer's `X-Total-Count` header counts every run that passes them.
 */
export const runsQuerySchema = z
  .strictObject({
    limit: wholeNumberParam(500, 4).optional(),
    status: z.enum(RUN_STATUSES, { message: `must be one of ${RUN_STATUSES.join(', ')}` }).optional(),
    trigger: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,39}$/, { message: 'must be a trigger such as schedule, dashboard, api or cli' })
      .optional(),
    dryRun: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true').optional(),
    from: apiDateSchema.optional(),
    to: apiDateSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${v.from})` });
  });
export type RunsQuery = z.infer<typeof runsQuerySchema>;

/**
 * `POST cleanup/run`: a dry run, or a run with the id of this session's confirmation (POST
 * cleanup/run/confirmation) to be attended. A dry run removes nothing and needs no confirmation.
 */
export const runNowBodySchema = z
  .strictObject({
    dryRun: z.boolean().optional(),
    confirmationId: z.uuid({ message: 'must be the confirmationId that POST cleanup/run/confirmation answered' }).optional(),
  })
  .refine((body) => !(body.dryRun === true && body.confirmationId !== undefined), {
    path: ['confirmationId'],
    message: 'is only for a run that removes: a dry run needs no confirmation',
  });

export type RunNowBody = z.infer<typeof runNowBodySchema>;

/** Parses a JSON request body (empty: `{}`) against a strict schema, naming the first bad field. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const text = await request.text();
  if (text.length > 10_000) throw new BadParameterError('body', 'is too large');
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new BadParameterError('body', 'is not valid JSON');
    }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new BadParameterError('body', 'must be a JSON object');
  const nul = pathOfNul(raw, '');
  if (nul !== null) throw new BadParameterError(nul, noNulMessage());
  return parseParam(raw, schema);
}

/**
 * The path (`reason`, `items[2].name`) of the first text of a JSON value that holds a NUL character,
 * in a value or a key; null when none does. Every text of a body is checked, whatever the
 * endpoint's schema, because PostgreSQL text cannot hold NUL (SAFETY.md, "Bad input").
 */
export function pathOfNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return hasNoNul(value) ? null : path || 'body';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathOfNul(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!hasNoNul(key)) return at.replaceAll('\u0000', '\\u0000');
      const found = pathOfNul(item, at);
      if (found !== null) return found;
    }
  }
  return null;
}
