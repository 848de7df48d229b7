import 'server-only';
import { getDeletedPerDay } from '@/db/queries/reports';
import { getEnv } from '@/lib/env';
import { todayIn } from '@/lib/retention/dates';
import { getServerDb } from '@/server/db';

/**
 * The per-day counts for the API and the screen: the same query the command line uses
 * (`retention report deleted-per-day`), so the three give the same numbers.
 */
export async function getDeletedPerDayReport(range: { from: string; to: string }) {
  return getDeletedPerDay(await getServerDb(), range);
}

/** Today in the system time zone (RETENTION_TIME_ZONE): the end of the default range. */
export function reportToday(): string {
  return todayIn(getEnv().RETENTION_TIME_ZONE);
}
