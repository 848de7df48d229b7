import { drizzle, type NodePgDatabase, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

// Dates stay 'YYYY-MM-DD' strings (the rules work on calendar days, never on instants);
// bigint counts and ids arrive as numbers (they stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// Arrays alike (the retention schedule keeps days and ids in arrays): date[] as strings, bigint[] as numbers.
type TypeId = Parameters<typeof pg.types.getTypeParser>[0];
const TEXT_ARRAY = 1009 as TypeId;
const DATE_ARRAY = 1182 as TypeId;
const INT8_ARRAY = 1016 as TypeId;
const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY, 'text') as (v: string) => (string | null)[];
pg.types.setTypeParser(DATE_ARRAY, 'text', (v: string) => parseTextArray(v));
pg.types.setTypeParser(INT8_ARRAY, 'text', (v: string) => parseTextArray(v).map((x) => (x === null ? null : Number(x))));

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema> & { $client: pg.Pool };
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle, a transaction, or drizzle over one client: every query function accepts any. */
export type DbOrTx = PgDatabase<NodePgQueryResultHKT, Schema>;

/** Drizzle over one checked-out client, for work that mixes drizzle with COPY in one transaction. */
export function drizzleOnClient(client: pg.PoolClient): DbOrTx {
  return drizzle(client, { schema });
}

export type PoolOptions = {
  max?: number;
  /**
   * Connections kept open when idle (default 0: every idle connection closes after
   * `idleTimeoutMillis`). A long-lived process that comes back to the database now and then keeps
   * its server processes: a new one costs a fork and a login, and then a page fault for every page
   * of PostgreSQL's shared buffers it touches for the first time. At a million actors, with 8 GB of
   * shared buffers, that was 8,900 faults and 360 ms for the pick of due actors alone, and 0.7–0.9 s
   * for a whole next day's run, on a fresh server process against one that had run before.
   */
  min?: number;
  idleTimeoutMillis?: number;
  applicationName?: string;
};

/**
 * The pool of a long-lived process that runs the cleanup (the worker, `npm start`): two connections
 * stay open between runs, so a run every ten minutes finds its server process warm (`min` above).
 * The benchmark runs its cleanups on the same pool, to time them as the service runs them.
 */
export const SERVICE_POOL = { max: 4, min: 2 } as const satisfies PoolOptions;

/** Creates the pool and the drizzle instance for one connection string. */
export function createDb(url: string, options: PoolOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    min: options.min ?? 0,
    application_name: options.applicationName ?? 'retention',
    idleTimeoutMillis: options.idleTimeoutMillis ?? 30_000,
  });
  // An idle client's error (a server restart) must not crash the process.
  pool.on('error', () => undefined);
  return drizzle(pool, { schema }) as Db;
}

export { schema };
