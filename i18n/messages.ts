import { createTranslator } from 'next-intl';
import { EN_MESSAGES as en, NL_MESSAGES as nl } from './message-files';
import type { AppLocale } from './locales';

/** The messages of each language; English is the reference every other file must match key for key. */
export const MESSAGES = { en, nl } satisfies Record<AppLocale, typeof en>;

export type Messages = typeof en;

/** The messages of a locale. */
export function getMessagesFor(locale: AppLocale): Messages {
  return MESSAGES[locale];
}

/**
 * A translator outside React rendering (server actions): `t('auth.wrongCredentials')`.
 * Pages and components use next-intl's getTranslations/useTranslations instead.
 */
export function createMessageTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: getMessagesFor(locale) });
}

export type MessageTranslator = ReturnType<typeof createMessageTranslator>;
