import { parseArgs, type ParseArgsConfig } from 'node:util';
import { getEnv } from '../lib/env';
import { isIsoDate, todayIn, type IsoDate } from '../lib/retention/dates';
import { UsageError } from './errors';

/** node:util parseArgs with our errors: unknown options and missing values exit 2. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/** A YYYY-MM-DD option value that is a real calendar date. */
export function parseDate(value: string | undefined, name: string): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`--${name} must be a real calendar date written YYYY-MM-DD (got "${value}")`);
  return value;
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
