import type { AppLocale } from './locales';
import type en from '../messages/en.json';

// Typed message keys and locales for next-intl: a key missing from messages/en.json is a type error.
declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof en;
  }
}
