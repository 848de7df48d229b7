import type { AppLocale } from './locales';

/*
 * Numbers and dates in the user's language. English uses British conventions (day before month,
 * 24-hour clock), as the library's staff in Europe expect; Dutch the Dutch ones.
 */

const INTL_LOCALE: Record<AppLocale, string> = { en: 'en-GB', nl: 'nl-NL' };

/** A count with the language's thousands separator: 12,345 / 12.345. */
export function formatCount(locale: AppLocale, n: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(n);
}

/** An instant as "15 Nov 2024, 03:10" / "15 nov 2024, 03:10" in the given time zone. */
export function formatDateTime(locale: AppLocale, value: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(typeof value === 'string' ? new Date(value) : value);
}

/** A calendar day ('YYYY-MM-DD') as "15 Nov 2024" / "15 nov 2024", never shifted by a time zone. */
export function formatIsoDate(locale: AppLocale, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A calendar day without its year, for chart axes: "15 Nov" / "15 nov". */
export function formatShortIsoDate(locale: AppLocale, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A month ('YYYY-MM') as "Mar 2026" / "mrt 2026", never shifted by a time zone. */
export function formatMonth(locale: AppLocale, month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The month of a 'YYYY-MM' without its year, for chart axes: "Mar" / "mrt". */
export function formatMonthName(locale: AppLocale, month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: 'UTC', month: 'short' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * How long something took, as staff read it: "70 ms" under a second, "2.3 s" / "2,3 s" under ten
 * seconds, whole seconds under a minute, then "4 min 5 s". A run of the demo takes well under a
 * second; "0 s" would read as if it did nothing.
 */
export function formatDuration(locale: AppLocale, ms: number): string {
  // SI symbols, the same in both languages; Intl's unit names differ ("secs", "sec", "m").
  const n = (value: number, digits = 0) => new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: digits }).format(value);
  const value = Math.max(0, ms);
  if (value < 999.5) return `${n(Math.round(value))} ms`;
  if (value < 9_950) return `${n(Math.round(value / 100) / 10, 1)} s`;
  const s = Math.round(value / 1000);
  if (s < 60) return `${n(s)} s`;
  return `${n(Math.floor(s / 60))} min ${n(s % 60)} s`;
}
