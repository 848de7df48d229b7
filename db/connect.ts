import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { getDataDir, getEnv } from '../lib/env';
import { createDb, type Db } from './client';
import { startEmbeddedPostgres } from './embedded';

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const EMBEDDED_DATABASE = 'retention';

export type Connection = {
  db: Db;
  url: string;
  embedded: boolean;
  /** True when this call created the database (a new embedded cluster or database). */
  isNewDatabase: boolean;
  close: () => Promise<void>;
};

/** Applies the committed drizzle-kit migrations that the database does not have yet. */
export async function applyMigrations(db: Db): Promise<void> {
  // Serialise concurrent starters (web, worker, CLI) on one advisory lock.
  const client = await db.$client.connect();
  try {
    await client.query('select pg_advisory_lock(7325001)');
    await migrate(db, { migrationsFolder: MIGRATIONS });
  } finally {
    await client.query('select pg_advisory_unlock(7325001)').catch(() => undefined);
    client.release();
  }
}

/**
 * Connects to the product's database: `DATABASE_URL` when set, else the embedded PostgreSQL in
 * `DATA_DIR` (started when not running). Applies pending migrations before returning.
 */
export async function connect(options: { applicationName?: string; log?: (m: string) => void; max?: number } = {}): Promise<Connection> {
  const env = getEnv();
  let url = env.DATABASE_URL;
  let isNewDatabase = false;
  const embedded = !url;
  if (!url) {
    const server = await startEmbeddedPostgres({ dataDir: getDataDir(), port: env.EMBEDDED_PG_PORT, log: options.log });
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [EMBEDDED_DATABASE]);
      if (exists.rowCount === 0) {
        await admin.query(`create database ${EMBEDDED_DATABASE}`).catch((e: { code?: string }) => {
          if (e.code !== '42P04') throw e; // created by a concurrent starter
        });
        isNewDatabase = true;
      }
    } finally {
      await admin.end();
    }
    url = server.url.replace(/\/postgres$/, `/${EMBEDDED_DATABASE}`);
  }
  const db = createDb(url, { applicationName: options.applicationName, max: options.max });
  await applyMigrations(db);
  return { db, url, embedded, isNewDatabase, close: () => db.$client.end() };
}
