import { z } from 'zod';
import { isSupportedIsoDate } from '../retention/dates';

/*
 * The actor screens' parameters: the actor id (search form, path) and the as-of date (query
 * string). The same rules as the API (lib/validation/api.ts); the screens show a message in the
 * user's language for each failure instead of a 400. An id of at most 16 digits that is a safe
 * integer (≤ 2^53 − 1) always fits the `bigint` column `actors.id`; a date is one of the years
 * 1900 to 2200, as everywhere (lib/validation/common.ts).
 */

export const screenActorIdSchema = z
  .string()
  .trim()
  .min(1, { error: 'required' })
  .regex(/^[+-]?[0-9]+$/, { error: 'notANumber' })
  .regex(/^\+?0*[1-9][0-9]*$/, { error: 'notPositive' })
  .transform((v) => v.replace(/^\+?0*/, ''))
  .refine((v) => v.length <= 16, { error: 'tooLarge' })
  .transform(Number)
  .refine(Number.isSafeInteger, { error: 'tooLarge' });

export const screenAsOfSchema = z
  .string()
  .trim()
  .max(10, { error: 'invalid' })
  .refine(isSupportedIsoDate, { error: 'invalid' });

export type ActorIdProblem = 'required' | 'notANumber' | 'notPositive' | 'tooLarge';

/** The actor id of a form or path, or the reason it is not one. */
export function parseScreenActorId(raw: string | undefined): { ok: true; actorId: number } | { ok: false; problem: ActorIdProblem } {
  const result = screenActorIdSchema.safeParse(raw ?? '');
  if (result.success) return { ok: true, actorId: result.data };
  const message = result.error.issues[0]?.message;
  const problem: ActorIdProblem = message === 'required' || message === 'notANumber' || message === 'tooLarge' ? message : 'notPositive';
  return { ok: false, problem };
}

/** The as-of date of a query string: undefined when absent or empty (today), `false` when not a real date. */
export function parseScreenAsOf(raw: string | undefined): string | undefined | false {
  if (raw === undefined || raw.trim() === '') return undefined;
  const result = screenAsOfSchema.safeParse(raw);
  return result.success ? result.data : false;
}
