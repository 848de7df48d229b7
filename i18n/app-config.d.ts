import type { AppLocale } from './locales';
import type { EN_MESSAGES } from './message-files';

// Typed message keys and locales for next-intl: a key missing from the English messages (messages/en/*.json) is a type error.
declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof EN_MESSAGES;
  }
}
