import { afterAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '@/db/client';
import { setupTestDatabase } from './helpers/db';

/*
 * The long-lived processes (the web server, the cleanup worker) keep a few connections open when
 * idle (db/client.ts, `min`): a run or a lookup after a quiet spell reuses a server process that has
 * its pages of the shared buffers mapped, instead of a new one.
 */
const t = await setupTestDatabase('pool');
const pools: Db[] = [];
afterAll(async () => {
  for (const db of pools) await db.$client.end();
});

async function busyPids(db: Db, n: number): Promise<number[]> {
  const rows = await Promise.all(
    Array.from({ length: n }, () => db.$client.query<{ pid: number }>('select pg_backend_pid() as pid from pg_sleep(0.05)')),
  );
  return rows.map((r) => r.rows[0]!.pid);
}

describe('the pool keeps `min` connections open when idle', () => {
  it('closes the others after the idle timeout, and the next query runs on a kept server process', async () => {
    const db = createDb(t.url, { max: 4, min: 2, idleTimeoutMillis: 100 });
    pools.push(db);
    const pids = await busyPids(db, 4);
    expect(new Set(pids).size).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(db.$client.totalCount).toBe(2);
    expect(db.$client.idleCount).toBe(2);
    const [next] = await busyPids(db, 1);
    expect(pids).toContain(next);
  });

  it('without `min`, every idle connection closes', async () => {
    const db = createDb(t.url, { max: 4, idleTimeoutMillis: 100 });
    pools.push(db);
    await busyPids(db, 3);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(db.$client.totalCount).toBe(0);
  });
});
