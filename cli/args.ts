import { parseArgs, type ParseArgsConfig } from 'node:util';
import { getEnv } from '../lib/env';
import { isSupportedIsoDate, todayIn, type IsoDate } from '../lib/retention/dates';
import { INSTANCE_ID_MAX } from '../lib/validation/auth';
import { ISO_DATE_MESSAGE } from '../lib/validation/common';
import { UsageError } from './errors';

/** node:util parseArgs with our errors: unknown options and missing values exit 2. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/** A YYYY-MM-DD option value (`--as-of`, `--from`, `--to`) that is a real calendar date of the years 1900 to 2200. */
export function parseDate(value: string | undefined, name: string): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isSupportedIsoDate(value)) throw new UsageError(`--${name} ${ISO_DATE_MESSAGE} (got ${shownArg(value)})`);
  return value;
}

/** An argument as a message shows it: quoted, cut at 40 characters, control characters (NUL) escaped. */
export function shownArg(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** Today in the system time zone (RETENTION_TIME_ZONE, default Europe/Amsterdam). */
export function today(): IsoDate {
  return todayIn(getEnv().RETENTION_TIME_ZONE);
}

/** A positive whole number (an actor id, a count). */
export function parsePositiveInt(value: string | undefined, name: string): number {
  if (value === undefined || !/^[0-9]+$/.test(value)) throw new UsageError(`${name} must be a positive whole number (got "${value ?? ''}")`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number (got "${value}")`);
  return n;
}

/**
 * `--instance I` of `user add` and `token add`: a library instance id, a whole number from 1 to
 * 2147483647 written as digits; anything else exits 2 naming the flag. Whether the instance exists
 * is checked when the tie is written.
 */
export function parseInstanceOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const id = /^[0-9]{1,10}$/.test(value) ? Number(value) : NaN;
  if (!(id >= 1 && id <= INSTANCE_ID_MAX)) throw new UsageError(`--instance must be an instance id, a whole number from 1 to ${INSTANCE_ID_MAX} (got ${shownArg(value)}); nothing was written`);
  return id;
}
