/**
 * Calendar-day arithmetic on ISO dates ('YYYY-MM-DD'). The rules count in calendar days and
 * months, never in instants, so dates are plain strings that compare correctly as strings and
 * never pass through a time zone.
 */

export type IsoDate = string;

/** Days in a month (1-12) of a year, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  // The rules call this for every record they date (the schedule plans a library's records by the
  // million): a table for the years every entry point accepts, Date for anything else (Date.UTC
  // reads years 0 to 99 as 1900 to 1999, and this keeps that answer).
  if (year >= 100 && month >= 1 && month <= 12 && Number.isInteger(year) && Number.isInteger(month)) {
    if (month !== 2) return MONTH_DAYS[month]!;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar date written 'YYYY-MM-DD' (2026-02-30 and 2026-13-01 are not). */
export function isIsoDate(value: string): boolean {
  const p = readParts(value);
  if (!p) return false;
  const [year, month, day] = p;
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * The years a date given from outside (a scenario file, a command-line flag, an API parameter, a
 * form) may have (INTERFACES.md, "Scenario file" › Validation). Outside them the arithmetic here is
 * not to be trusted (Date.UTC reads years 0 to 99 as 1900 to 1999) and no library record is that
 * old or that far off.
 */
export const MIN_DATE_YEAR = 1900;
export const MAX_DATE_YEAR = 2200;

/** A real calendar date 'YYYY-MM-DD' of the years MIN_DATE_YEAR to MAX_DATE_YEAR (both included): what every entry point accepts. */
export function isSupportedIsoDate(value: string): boolean {
  if (!isIsoDate(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= MIN_DATE_YEAR && year <= MAX_DATE_YEAR;
}

/** The digit at `i` of `s` (0-9), or -1. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Year, month and day of a string written 'YYYY-MM-DD' (ASCII digits; the numbers as written, not
 * checked as a calendar date), or null. Read by character codes, without a regular expression's
 * match object: the rules call it for every record they date.
 */
function readParts(date: string): [number, number, number] | null {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return null;
  const y0 = digitAt(date, 0), y1 = digitAt(date, 1), y2 = digitAt(date, 2), y3 = digitAt(date, 3);
  const m0 = digitAt(date, 5), m1 = digitAt(date, 6), d0 = digitAt(date, 8), d1 = digitAt(date, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  return [y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1, d0 * 10 + d1];
}

function parts(date: IsoDate): [number, number, number] {
  const p = readParts(date);
  if (!p) throw new RangeError(`not an ISO date: ${date}`);
  return p;
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

function format(year: number, month: number, day: number): IsoDate {
  if (year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31) return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * `date` + `months` calendar months, clamped to the month's end:
 * 2020-02-29 + 12 = 2021-02-28; 2022-01-31 + 1 = 2022-02-28. Negative months count back.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/** `date` + `days` days (negative counts back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  // Within the month: no Date needed.
  if (Number.isInteger(days) && m >= 1 && m <= 12 && d + days >= 1 && d + days <= daysInMonth(y, m) && y >= 1000) return format(y, m, d + days);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The earlier of two dates; `null` stands for "never" and loses. */
export function minDate(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** The later of two dates (both present). */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/**
 * The latest record date D for which D + `months` months is on or before `asOf`: a record dated on
 * or before it is "older than `months` months" on `asOf`. Because month addition clamps, several
 * dates can map to the same day (2020-02-29 and 2020-02-28 + 12 months are both 2021-02-28), so the
 * cutoff is found by stepping forward from `asOf` − `months`, never by subtraction alone.
 * The cleanup's SQL compares record dates with this cutoff, which keeps its predicates sargable.
 */
export function monthsCutoff(asOf: IsoDate, months: number): IsoDate {
  let candidate = addMonths(asOf, -months);
  // Step back first, in case subtraction overshot (it cannot by more than a few days).
  while (addMonths(candidate, months) > asOf) candidate = addDays(candidate, -1);
  while (addMonths(addDays(candidate, 1), months) <= asOf) candidate = addDays(candidate, 1);
  return candidate;
}

/** The calendar day it is now in `timeZone` (the as-of date when none is given). */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return fmt.format(now);
}
