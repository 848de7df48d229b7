import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';

// Dates stay 'YYYY-MM-DD' strings (the rules work on calendar days, never on instants);
// bigint counts and ids arrive as numbers (they stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema> & { $client: pg.Pool };
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle or a transaction: every query function accepts either. */
export type DbOrTx = Db | Tx;

/** Creates the pool and the drizzle instance for one connection string. */
export function createDb(url: string, options: { max?: number; applicationName?: string } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'retention',
    idleTimeoutMillis: 30_000,
  });
  // An idle client's error (a server restart) must not crash the process.
  pool.on('error', () => undefined);
  return drizzle(pool, { schema }) as Db;
}

export { schema };
