import type { Db } from '../../db/client';
import { todayIn } from '../retention/dates';
import { createDemoLibrary } from './create-demo-library';
import { DEMO_DEFAULTS } from './defaults';

/**
 * Fills a new embedded database with the demo library (INTERFACES.md: "when the database is new,
 * fills it with demo data"). Never called for a database given by DATABASE_URL.
 */
export async function seedNewDatabase(db: Db, options: { timeZone: string; log?: (m: string) => void }): Promise<void> {
  const today = todayIn(options.timeZone);
  options.log?.(`making the demo library (${DEMO_DEFAULTS.actors} actors, ${DEMO_DEFAULTS.historyDays} days of cleanup history): about 30 seconds`);
  const result = await createDemoLibrary(db, { ...DEMO_DEFAULTS, today, replace: false, timeZone: options.timeZone });
  options.log?.(`demo library ready: ${result.actors} actors, ${result.historyRuns} history runs; the worked example is actor 1001`);
}
