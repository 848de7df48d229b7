import { z } from 'zod';
import { isSupportedIsoDate, MAX_DATE_YEAR, MIN_DATE_YEAR } from '../retention/dates';

/*
 * The rules every entry point shares (INTERFACES.md, "Scenario file" › Validation; SAFETY.md, "Bad
 * input"): the scenario loader, the command line, the API and the server actions' forms use these,
 * never copies, so a date or a text that one of them refuses is refused by all.
 */

/** What a bad date is told, wherever it comes from. */
export const ISO_DATE_MESSAGE = `must be a real calendar date written YYYY-MM-DD, of the years ${MIN_DATE_YEAR} to ${MAX_DATE_YEAR}`;

/** A real calendar date 'YYYY-MM-DD' of the years 1900 to 2200 (2026-02-30, 1899-12-31 and 2201-01-01 are not). */
export const isoDateSchema = z.string({ error: ISO_DATE_MESSAGE }).max(10, { error: ISO_DATE_MESSAGE }).refine(isSupportedIsoDate, { error: ISO_DATE_MESSAGE });

/** PostgreSQL text cannot hold the NUL character (U+0000): true when `value` has none. */
export function hasNoNul(value: string): boolean {
  return !value.includes('\u0000');
}

/** The message of a text with a NUL character; `what` names the field ("reason must not …"). */
export const noNulMessage = (what?: string) => `${what ? `${what} ` : ''}must not contain NUL characters`;

/**
 * The one NUL refinement of every text that is stored or queried: refuse it here, with the field
 * named, rather than fail in the database. `schema` is a string schema (with its own length rules).
 */
export function withoutNul<S extends z.ZodType<string>>(schema: S, what?: string): S {
  return schema.refine(hasNoNul, { error: noNulMessage(what) }) as S;
}
