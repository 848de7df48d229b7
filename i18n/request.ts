import { getRequestConfig } from 'next-intl/server';
import { getEnv } from '@/lib/env';
import { getMessagesFor } from './messages';
import { getRequestLocale } from './request-locale';

/**
 * next-intl's configuration of each request (wired in next.config.ts). No locale in the URL: the
 * cookie, the browser or English decides (getRequestLocale). Dates are shown in the time zone of
 * the retention rules.
 */
export default getRequestConfig(async () => {
  const locale = await getRequestLocale();
  return {
    locale,
    messages: getMessagesFor(locale),
    timeZone: getEnv().RETENTION_TIME_ZONE,
  };
});
