import 'server-only';
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, resolveLocale, type AppLocale } from './locales';
import { createMessageTranslator, type MessageTranslator } from './messages';

/**
 * The language of the current request: the user's choice in the `locale` cookie, else the
 * browser's Accept-Language, else English. Used by next-intl's request config (pages) and by
 * server actions (their messages).
 */
export async function getRequestLocale(): Promise<AppLocale> {
  const [jar, incoming] = await Promise.all([cookies(), headers()]);
  return resolveLocale(jar.get(LOCALE_COOKIE)?.value, incoming.get('accept-language'));
}

/** A translator in the current request's language, for the messages a server action returns. */
export async function getActionTranslator(): Promise<MessageTranslator> {
  return createMessageTranslator(await getRequestLocale());
}
