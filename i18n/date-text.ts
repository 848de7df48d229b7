import { isSupportedIsoDate, type IsoDate } from '../lib/retention/dates';
import { formatIsoDate } from './format';
import { LOCALES } from './locales';

/*
 * Dates typed by a person, in either language: the app's own format ("15 Nov 2024", "15 nov 2024",
 * the month written out or shortened, with or without a full stop), day-first numbers ("15/11/2024",
 * "15-11-2024", "15.11.2024") as both languages write them, and ISO ("2024-11-15") as the URL, the
 * API and the CSV have it. Never month-first: 02/12/2023 is 2 December in English and Dutch alike.
 * Pure, for the date field on the client and the pages that read a form sent without JavaScript.
 */

const INTL: Record<(typeof LOCALES)[number], string> = { en: 'en-GB', nl: 'nl-NL' };

/** Month names of both languages, short and long, lower case without a full stop → month number. */
const MONTHS: ReadonlyMap<string, number> = (() => {
  const names = new Map<string, number>();
  for (const locale of LOCALES) {
    for (const month of ['short', 'long'] as const) {
      const format = new Intl.DateTimeFormat(INTL[locale], { month, timeZone: 'UTC' });
      for (let m = 1; m <= 12; m++) names.set(format.format(new Date(Date.UTC(2024, m - 1, 1))).toLowerCase().replace(/\.$/, ''), m);
    }
  }
  // Shortenings people write that the formats above do not give ("sep" beside "sept", "mar" and "mrt").
  for (const [name, m] of [['sep', 9], ['sept', 9], ['mar', 3], ['mrt', 3], ['maa', 3], ['okt', 10], ['oct', 10], ['mei', 5], ['may', 5]] as const) names.set(name, m);
  return names;
})();

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function toIso(year: number, month: number, day: number): IsoDate | null {
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return isSupportedIsoDate(iso) ? iso : null;
}

/**
 * The calendar day a person typed, as 'YYYY-MM-DD', or null when it is not a real day of the years
 * the product accepts (1900–2200). The year is always written in full.
 */
export function parseDateText(text: string): IsoDate | null {
  const value = text.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (m) return toIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/.exec(value);
  if (m) return toIso(Number(m[4]), Number(m[3]), Number(m[1]));
  m = /^(\d{1,2})\.?\s+([\p{L}]+)\.?,?\s+(\d{4})$/u.exec(value);
  if (m) {
    const month = MONTHS.get(m[2]!);
    return month ? toIso(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

/** How a date field shows a day: the app's format ("15 Nov 2024" / "15 nov 2024"). */
export function formatDateText(locale: (typeof LOCALES)[number], iso: IsoDate): string {
  return formatIsoDate(locale, iso);
}

/**
 * A date parameter of a page's URL as the page reads it: a day typed in the field and sent without
 * JavaScript ("15 Nov 2024") becomes its ISO form; anything else is left as it came, for the
 * page's own validation to explain.
 */
export function normalizeDateParam<T extends string | undefined>(value: T): T {
  if (value === undefined) return value;
  return (parseDateText(value) ?? value) as T;
}
