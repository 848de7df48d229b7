import { useLocale } from 'next-intl';
import { formatDateTime, formatIsoDate } from '@/i18n/format';

/*
 * Dates as the user reads them, with the ISO form one hover away (title) and in the markup
 * (<time dateTime>) for copying and for assistive technology. Work in server and client components.
 */

/** A calendar day ('YYYY-MM-DD') in the user's language: "10 Aug 2029" / "10 aug 2029". */
export function LocalDate({ date, className }: { date: string; className?: string }) {
  const locale = useLocale();
  return (
    <time dateTime={date} title={date} className={className}>
      {formatIsoDate(locale, date)}
    </time>
  );
}

/** An instant (ISO timestamp) in the user's language and the given time zone, ISO on hover. */
export function LocalDateTime({ at, timeZone, className }: { at: string; timeZone: string; className?: string }) {
  const locale = useLocale();
  return (
    <time dateTime={at} title={at} className={className}>
      {formatDateTime(locale, at, timeZone)}
    </time>
  );
}
