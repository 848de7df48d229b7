/*
 * The dashboard's languages. Plain data and pure functions (no Next imports), so the request
 * config, the server actions, client components and tests share them.
 */

export const LOCALES = ['en', 'nl'] as const;
export type AppLocale = (typeof LOCALES)[number];

/** The language when neither the cookie nor the browser names one we have. */
export const DEFAULT_LOCALE: AppLocale = 'en';

/** The cookie that keeps the user's choice (no locale in the URL). */
export const LOCALE_COOKIE = 'locale';

/** A year: the choice outlives sessions, it is not personal data worth expiring sooner. */
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Narrows an unknown value (a cookie, a form field) to a locale we have. */
export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our locales for an `Accept-Language` header (`nl-BE,nl;q=0.9,en;q=0.8`): the
 * language with the highest q-value that we have, by its primary subtag; the default when none
 * matches or the header is missing or malformed.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): AppLocale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      // A missing q is 1; a q that is not a number from 0 to 1 makes the entry count for nothing.
      const q = params.find((p) => /^\s*q\s*=/i.test(p));
      const weight = q === undefined ? 1 : /^\s*q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/i.test(q) ? Number(q.split('=')[1]) : 0;
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', weight, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isAppLocale) ?? DEFAULT_LOCALE;
}

/** The locale of a request: the cookie's choice when it names one of ours, else the browser's preference. */
export function resolveLocale(cookieValue: string | null | undefined, acceptLanguage: string | null | undefined): AppLocale {
  return isAppLocale(cookieValue) ? cookieValue : negotiateLocale(acceptLanguage);
}

/** Each language named in itself, for the language switch. */
export const LOCALE_NAMES: Record<AppLocale, string> = { en: 'English', nl: 'Nederlands' };
