import 'server-only';
import { getDeletedPerDay } from '@/db/queries/reports';
import { getServerDb } from '@/server/db';

/**
 * The per-day counts for the API and the screen: the same query the command line uses
 * (`retention report deleted-per-day`), so the three give the same numbers.
 */
export async function getDeletedPerDayReport(range: { from: string; to: string }) {
  return getDeletedPerDay(await getServerDb(), range);
}
