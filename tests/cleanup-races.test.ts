import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { getActorReport } from '@/lib/actors/get-actor-report';
import { pauseJob, resumeJob } from '@/lib/cleanup/job';
import { runCleanup, type BatchPhase } from '@/lib/cleanup/run';
import { runCleanupUntilDone } from '@/lib/cleanup/until-done';
import { generateScenario } from '@/lib/demo/generate-scenario';
import { TYPICAL_SETTINGS } from '@/lib/retention/settings';
import { loadScenario } from '@/lib/scenario/load';
import type { Scenario, ScenarioActor } from '@/lib/scenario/schema';
import { runCli } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';

/*
 * The library system writes the tables while a run works (RETENTION.md, "The library system writes
 * between runs"; SAFETY.md, "Re-check inside the transaction"). A hook between the batch's phases
 * commits such a write from another connection, as the library system would: whatever it commits
 * before the batch commits must be honoured.
 */

const t = await setupTestDatabase('races');
const asOf = '2026-11-23';
const by = { label: 'ops@test', userId: null };

// historyMonths and financialMonths 0: memberships, settled fines and returned loans are not due by
// a rule of their own, so the rows the library system writes below are still there (and unlocked)
// when the batch re-checks the conditions; only the actor's removal would touch them.
const SETTINGS = { ...TYPICAL_SETTINGS, historyMonths: 0, financialMonths: 0, optOutLoanDays: 0 };

/** An actor due for removal on asOf: cancelled in 2020, a settled fine, a returned loan, a plain block. */
function dueActor(actorId: number): ScenarioActor {
  return {
    actorId,
    registeredOn: '2015-01-01',
    loanHistoryOptIn: true,
    personal: { name: `Due ${actorId}`, street: null, postalCode: null, city: null, district: null, email: null, phone: null },
    roles: [{ instanceId: 1, type: 'ABON', subtype: null, status: 9, startDate: '2015-01-01', endDate: '2020-01-01', deregistrationDate: null }],
    otherRoles: [],
    blocks: [{ type: 'BLK', createdOn: '2019-01-01' }],
    credentials: [],
    financial: [{ kind: 'fine', bookedOn: '2019-06-01', amountCents: 250, settled: true }],
    loans: [{ instanceId: 1, itemId: `I-${actorId}`, loanedOn: '2019-05-01', returnedOn: '2019-05-20' }],
    records: {},
  } as unknown as ScenarioActor;
}

const ACTORS = [1, 2, 3, 4, 5, 6];
const scenario = {
  settings: SETTINGS,
  instances: [{ id: 1, name: 'Test library' }],
  actors: ACTORS.map(dueActor),
} as unknown as Scenario;

async function load(s: Scenario = scenario) {
  await loadScenario(t.db, s, { replace: true, by: 'test', reason: 'race test' });
  await t.db.$client.query(`update cleanup_state set paused = false, tripped_at = null, trip = null`);
}

/** The library system: its own connection, autocommit, like any other client of the database. */
async function libraryWrite(sql: string, params: unknown[]) {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

async function actorExists(id: number) {
  const r = await t.db.$client.query('select count(*)::int as n from actors where id = $1', [id]);
  return r.rows[0].n === 1;
}

type Write = { name: string; sql: string; code: string; check: string };
const WRITES: Write[] = [
  {
    name: 'reactivates the membership (end date removed)',
    sql: `update roles set end_date = null where actor_id = $1`,
    code: 'ACTIVE_MEMBERSHIP',
    check: `select count(*)::int as n from roles where actor_id = $1 and end_date is null`,
  },
  {
    name: 'flips a settled fine back to open',
    sql: `update financial_items set settled = false where actor_id = $1`,
    code: 'OPEN_FINANCIAL_ITEMS',
    check: `select count(*)::int as n from financial_items where actor_id = $1 and not settled`,
  },
  {
    name: 'un-returns a returned loan',
    sql: `update loans set returned_on = null where actor_id = $1`,
    code: 'CURRENT_LOANS',
    check: `select count(*)::int as n from loans where actor_id = $1 and returned_on is null`,
  },
  {
    name: 'retypes a block to DEU (bailiff)',
    sql: `update blocks set type = 'DEU' where actor_id = $1`,
    code: 'GENERAL_OR_BAILIFF_BLOCK',
    check: `select count(*)::int as n from blocks where actor_id = $1 and type = 'DEU'`,
  },
];

// Where the write lands. A plain block of a removal candidate is deleted by its cancellation rule in
// the batch's first phase, so after that phase its row is the batch's (the write would wait for the
// batch): the block is written only before.
const PHASES: BatchPhase[] = ['filled', 'rulesApplied', 'conditionsChecked'];

describe('a write the library system commits while a batch works is honoured', () => {
  for (const write of WRITES) {
    for (const phase of PHASES) {
      if (write.code === 'GENERAL_OR_BAILIFF_BLOCK' && phase !== 'filled') continue;
      it(`${write.name}, committed when the batch has ${phase}: the actor is kept, the others go`, async () => {
        await load();
        const target = 3;
        let written = false;
        const summary = await runCleanup(t.db, {
          asOf,
          trigger: 'test',
          onPhase: async (p) => {
            if (p !== phase || written) return;
            written = true;
            await libraryWrite(write.sql, [target]);
          },
        });
        expect(written).toBe(true);
        expect(await actorExists(target)).toBe(true);
        const kept = await t.db.$client.query(write.check, [target]);
        expect(kept.rows[0].n).toBe(1);
        for (const id of ACTORS.filter((a) => a !== target)) expect(await actorExists(id), `actor ${id}`).toBe(false);
        expect(summary.actorsRemoved).toBe(ACTORS.length - 1);
        expect(summary.errors).toBe(0);
        // An active actor is no removal candidate; the others are counted under the code that kept them.
        if (write.code !== 'ACTIVE_MEMBERSHIP') expect(summary.skipped[write.code]).toBe(1);
        const report = await getActorReport(t.db, target, asOf);
        expect(report.found && report.removal.reasons.map((r) => r.code)).toContain(write.code);
      });
    }
  }

  it('a new loan committed after the batch took its snapshot, before it locked the actor: the actor is kept', async () => {
    await load();
    const target = 4;
    let written = false;
    const summary = await runCleanup(t.db, {
      asOf,
      trigger: 'test',
      onPhase: async (p) => {
        if (p !== 'snapshot' || written) return;
        written = true;
        await libraryWrite(`insert into loans (actor_id, instance_id, item_id, loaned_on) values ($1, 1, 'NEW', '2026-11-20')`, [target]);
      },
    });
    expect(written).toBe(true);
    expect(await actorExists(target)).toBe(true);
    const loans = await t.db.$client.query(`select count(*)::int as n from loans where actor_id = $1 and returned_on is null`, [target]);
    expect(loans.rows[0].n).toBe(1);
    expect(summary.actorsRemoved).toBe(ACTORS.length - 1);
    // The delete of the actor fails its foreign-key check on the new row (a serialization failure
    // at REPEATABLE READ), and the batch's retry sees the loan: no failure is left over.
    expect(summary.errors).toBe(0);
    expect(summary.skipped.CURRENT_LOANS).toBe(1);
  });

  it('a write that waits for the batch’s lock is honoured by the next run', async () => {
    await load();
    const target = 2;
    let pending: Promise<void> | undefined;
    await runCleanup(t.db, {
      asOf,
      trigger: 'test',
      onPhase: (p) => {
        // The batch holds the actor row: a new staff role waits for it (foreign-key check), and the
        // actor's removal commits first; the library system's insert then fails on the missing actor.
        if (p === 'conditionsChecked' && !pending) {
          pending = libraryWrite(`insert into other_roles (actor_id, kind) values ($1, 'staff')`, [target]).catch(() => undefined);
        }
      },
    });
    await pending;
    expect(await actorExists(target)).toBe(false);
    const orphans = await t.db.$client.query(`select count(*)::int as n from other_roles where actor_id = $1`, [target]);
    expect(orphans.rows[0].n).toBe(0);
  });
});

describe('pause stops a run that is going', () => {
  it('after the batch in flight: the run is recorded as paused and removes nothing more', async () => {
    await load();
    let batch = 0;
    const summary = await runCleanup(t.db, {
      asOf,
      trigger: 'test',
      batchActors: 1,
      onPhase: async (p) => {
        if (p !== 'filled') return;
        batch += 1;
        if (batch === 2) await pauseJob(t.db, by);
      },
    });
    expect(summary.status).toBe('paused');
    // The batch in flight when the pause came was rolled back (its state row changed under it) and
    // stopped on its retry: only the first batch's actor went.
    expect(summary.actorsRemoved).toBe(1);
    const run = await t.db.$client.query(`select status, actors_removed, stop_reason from cleanup_runs where id = $1`, [summary.runId]);
    expect(run.rows[0]).toMatchObject({ status: 'paused', actors_removed: 1 });
    expect(run.rows[0].stop_reason).toMatch(/paused/);
    const left = await t.db.$client.query('select count(*)::int as n from actors');
    expect(left.rows[0].n).toBe(ACTORS.length - 1);
    // until-done stops at a paused run instead of starting the next.
    await resumeJob(t.db, by);
    let batches = 0;
    const runs = await runCleanupUntilDone(t.db, {
      asOf,
      trigger: 'test',
      batchActors: 1,
      onPhase: async (p) => {
        if (p === 'filled' && ++batches === 2) await pauseJob(t.db, by);
      },
    });
    expect(runs.map((r) => r.status)).toEqual(['paused']);
    await resumeJob(t.db, by);
  });

  it('a pause that comes between batches stops the run before the next batch', async () => {
    await load();
    const summary = await runCleanup(t.db, {
      asOf,
      trigger: 'test',
      batchActors: 2,
      onPhase: async (p) => {
        if (p === 'beforeCommit') await libraryWrite(`update cleanup_state set paused = true where id = 1`, []);
      },
    }).catch((e: unknown) => e);
    // The pause commits before the first batch's own update of the state row: that batch is
    // rolled back and retried, sees the pause and stops. Nothing was removed.
    expect(summary).toMatchObject({ status: 'paused', actorsRemoved: 0 });
    expect(await actorExists(1)).toBe(true);
    await resumeJob(t.db, by);
  });

  it('a dry run is not stopped by a pause', async () => {
    await load();
    let batch = 0;
    const summary = await runCleanup(t.db, {
      asOf,
      trigger: 'test',
      dryRun: true,
      batchActors: 1,
      onPhase: async (p) => {
        if (p === 'filled' && ++batch === 2) await pauseJob(t.db, by);
      },
    });
    expect(summary.status).toBe('completed');
    expect(summary.actorsRemoved).toBe(ACTORS.length);
    await resumeJob(t.db, by);
  });

  it('cleanup --until-done exits 3 when ops pause the job while it works', async () => {
    const big = generateScenario({ actors: 3000, seed: 5, today: asOf, settings: TYPICAL_SETTINGS });
    await load(big);
    const child = runCli(['cleanup', '--as-of', asOf, '--until-done', '--json'], { databaseUrl: t.url, env: { CLEANUP_BATCH_ACTORS: '10' } });
    // Pause once the run has committed a batch.
    for (let i = 0; i < 600; i++) {
      const r = await t.db.$client.query(`select count(*)::int as n from cleanup_runs where status = 'running' and batches > 0`);
      if (r.rows[0].n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await pauseJob(t.db, by);
    const result = await child;
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/paused/);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { status: string });
    expect(lines.at(-1)?.status).toBe('paused');
    const runs = await t.db.$client.query(`select status from cleanup_runs order by started_at desc limit 1`);
    expect(runs.rows[0].status).toBe('paused');
    await resumeJob(t.db, by);
  }, 180_000);
});
