import 'server-only';
import { sql } from 'drizzle-orm';
import { logUnexpectedError } from '@/lib/errors';
import { getServerDb } from '@/server/db';

/** True when the database answers a trivial query; false (never an error's text) when it does not. */
export async function isDatabaseReachable(): Promise<boolean> {
  try {
    const db = await getServerDb();
    await db.execute(sql`select 1`);
    return true;
  } catch (e) {
    logUnexpectedError('health check (database unreachable)', e);
    return false;
  }
}
