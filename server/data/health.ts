import 'server-only';
import { sql } from 'drizzle-orm';
import { getServerDb } from '@/server/db';

/** True when the database answers a trivial query; false (never an error's text) when it does not. */
export async function isDatabaseReachable(): Promise<boolean> {
  try {
    const db = await getServerDb();
    await db.execute(sql`select 1`);
    return true;
  } catch (e) {
    console.error('health check: database unreachable', e);
    return false;
  }
}
