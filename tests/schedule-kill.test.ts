/*
 * kill -9 in the middle of keeping the retention schedule up to date: while it is rebuilt (`job
 * replan`), and while a run plans anew the actors the library system changed. Each step is one
 * transaction, so whatever moment the kill lands, the schedule is what it was after the last
 * committed step: the totals are the sum of the plans, the queue keeps what was not planned yet,
 * a rebuild goes on where it stopped, and the next run leaves the schedule right.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunActive } from '@/lib/cleanup/job';
import { readScheduleState } from '@/lib/cleanup/schedule';
import { runCleanupUntilDone } from '@/lib/cleanup/until-done';
import { createDemoLibrary } from '@/lib/demo/create-demo-library';
import { setupTestDatabase } from './helpers/db';
import { expectScheduleConsistent, expectScheduleDueEqualsWalk } from './helpers/schedule';

const t = await setupTestDatabase('schedule_kill');
const ROOT = path.resolve(import.meta.dirname, '..');
const asOf = '2026-12-01';
const env = { CLEANUP_BATCH_ACTORS: '100' };

/** Starts the command line on the test database and SIGKILLs it (its whole process group) once `ready` says so. */
async function killWhen(args: string[], ready: () => Promise<boolean>): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['cli/index.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.url, ...env },
      stdio: 'ignore',
      detached: true,
    });
    let exited = false;
    let killed = false;
    const watch = async () => {
      for (let i = 0; i < 2400 && !exited; i++) {
        if (await ready()) {
          try {
            process.kill(-child.pid!, 'SIGKILL');
            killed = true;
          } catch {
            /* it finished first */
          }
          return;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    void watch();
    child.on('exit', () => {
      exited = true;
      // The killed process's server session (and its run lock) ends when the server notices.
      void (async () => {
        for (let i = 0; i < 500 && (await isRunActive(t.db)); i++) await new Promise((r) => setTimeout(r, 20));
        resolve({ killed });
      })();
    });
    child.on('error', reject);
  });
}

describe('the schedule killed while it is kept up to date', () => {
  it('a rebuild killed mid-way goes on where it stopped; a drain killed mid-way leaves the rest queued; the next run leaves it right', async () => {
    await createDemoLibrary(t.db, { actors: 3000, seed: 7, today: asOf, replace: true, historyDays: 0 });
    const actors = (await t.db.$client.query('select count(*)::int as n from actors')).rows[0].n as number;

    // 1. The rebuild: killed once some chunks are committed and others are not.
    const rebuild = await killWhen(['job', 'replan'], async () => {
      const r = await t.db.$client.query<{ after: number | null }>('select plan_rebuild_after as after from cleanup_state');
      const after = r.rows[0]?.after;
      return after !== null && after !== undefined && after > 11_000;
    });
    expect(rebuild.killed).toBe(true);
    const client = await t.db.$client.connect();
    try {
      const state = await readScheduleState(client);
      expect(state.rebuildAfter).toBeGreaterThan(11_000);
      // What was committed is whole: the plans so far and their totals agree.
      const planned = await client.query<{ n: number; total: number }>(
        `select (select count(*) from retention_schedule)::int as n, (select coalesce(sum(count), 0) from retention_plan_totals where category = -3)::int as total`,
      );
      expect(planned.rows[0]!.n).toBe(planned.rows[0]!.total);
      expect(planned.rows[0]!.n).toBeLessThan(actors);
    } finally {
      client.release();
    }

    // 2. A run plans the library system's writes anew: killed after some of them are done.
    await runCleanupUntilDone(t.db, { asOf, trigger: 'test', batchActors: 100 });
    await expectScheduleConsistent(t.db, asOf);
    await t.db.$client.query(`update actors set loan_history_opt_in = not loan_history_opt_in where id % 3 = 0`);
    const queued = (await t.db.$client.query('select count(*)::int as n from retention_dirty')).rows[0].n as number;
    expect(queued).toBeGreaterThan(900);
    const drain = await killWhen(['cleanup', '--as-of', asOf], async () => {
      const r = await t.db.$client.query('select count(*)::int as n from retention_dirty');
      return r.rows[0].n < queued - 150;
    });
    expect(drain.killed).toBe(true);
    const left = (await t.db.$client.query('select count(*)::int as n from retention_dirty')).rows[0].n as number;
    expect(left).toBeGreaterThan(0);
    // With part of the queue still waiting, the schedule's sums (corrected for it) are right.
    await expectScheduleDueEqualsWalk(t.db, asOf);

    // 3. The next run finishes both, and the schedule is right.
    await runCleanupUntilDone(t.db, { asOf, trigger: 'test', batchActors: 100 });
    expect((await t.db.$client.query('select count(*)::int as n from retention_dirty')).rows[0].n).toBe(0);
    await expectScheduleConsistent(t.db, asOf);
    const after = await expectScheduleDueEqualsWalk(t.db, asOf);
    expect(after.recordsTotal + after.actors).toBe(0);
  }, 240_000);
});
