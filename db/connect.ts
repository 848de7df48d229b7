import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { getDataDir, getEnv } from '../lib/env';
import { createDb, type Db, type PoolOptions } from './client';
import { startEmbeddedPostgres } from './embedded';

/**
 * The committed migrations: db/migrations of the project this module belongs to, found upwards from
 * it, so that the same code finds them from the sources (db/) and from the command line's bundle
 * (node_modules/.cache/retention-cli/, bin/retention.mjs).
 */
function findMigrations(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'db', 'migrations');
    if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`the database migrations (db/migrations) were not found above ${here}`);
  }
}

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
    await migrate(db, { migrationsFolder: findMigrations() });
  } finally {
    await client.query('select pg_advisory_unlock(7325001)').catch(() => undefined);
    client.release();
  }
}

/**
 * Connects to the product's database: `DATABASE_URL` when set, else the embedded PostgreSQL in
 * `DATA_DIR` (started when not running). Applies pending migrations before returning.
 */
export async function connect(options: Pick<PoolOptions, 'applicationName' | 'max' | 'min'> & { log?: (m: string) => void } = {}): Promise<Connection> {
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
  const db = createDb(url, { applicationName: options.applicationName, max: options.max, min: options.min });
  await applyMigrations(db);
  return { db, url, embedded, isNewDatabase, close: () => db.$client.end() };
}
