import 'server-only';
import { connect, type Connection } from '@/db/connect';

const globalForDb = globalThis as unknown as { retentionConnection?: Promise<Connection> };

/**
 * The web process's one database connection (pool + drizzle), made on first use: it starts the
 * embedded PostgreSQL when `DATABASE_URL` is not set and applies pending migrations. Two connections
 * stay open when the dashboard is idle: the first lookup after a quiet spell does not wait for a new
 * server process (db/client.ts, `min`).
 */
export function getServerConnection(): Promise<Connection> {
  globalForDb.retentionConnection ??= connect({ applicationName: 'retention-web', min: 2 }).catch((e: unknown) => {
    globalForDb.retentionConnection = undefined;
    throw e;
  });
  return globalForDb.retentionConnection;
}

/** The drizzle instance of the web process. */
export async function getServerDb() {
  return (await getServerConnection()).db;
}
