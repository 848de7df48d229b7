import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { getActorReport } from '@/lib/actors/get-actor-report';
import { generateScenario } from '@/lib/demo/generate-scenario';
import { countDue } from '@/lib/cleanup/count-due';
import { runCleanup } from '@/lib/cleanup/run';
import { runCleanupUntilDone } from '@/lib/cleanup/until-done';
import { CATEGORY_IDS, RECORD_TABLE_CATEGORIES } from '@/lib/retention/categories';
import { TYPICAL_SETTINGS } from '@/lib/retention/settings';
import type { FoundActorReport } from '@/lib/retention/types';
import { loadScenario } from '@/lib/scenario/load';
import type { Scenario } from '@/lib/scenario/schema';
import { runCli } from './helpers/cli';
import { createTestDatabase, setupTestDatabase } from './helpers/db';

const scenario = generateScenario({ actors: 1500, seed: 42, today: '2026-11-23', settings: TYPICAL_SETTINGS });
const t = await setupTestDatabase('safety');

async function load(db: Db, s: Scenario = scenario) {
  await loadScenario(db, s, { replace: true, by: 'test', reason: 'safety test' });
}

/** Row counts of every table a cleanup changes, by category. */
async function tableCounts(db: Db) {
  const tables = ['actors', 'roles', 'other_roles', 'blocks', 'credentials', 'financial_items', ...RECORD_TABLE_CATEGORIES];
  const parts = tables.map((x) => `(select count(*) from ${x})::int as ${x}`);
  parts.push(`(select count(*) from loans where actor_id is not null)::int as linked_loans`);
  parts.push(`(select count(*) from loans where actor_id is null)::int as anonymized_loans`);
  parts.push(`(select count(*) from actors where coalesce(name,'') <> '' or coalesce(street,'') <> '' or coalesce(postal_code,'') <> ''
      or coalesce(city,'') <> '' or coalesce(district,'') <> '' or coalesce(email,'') <> '' or coalesce(phone,'') <> '')::int as personal`);
  const r = await db.$client.query(`select ${parts.join(', ')}`);
  return r.rows[0] as Record<string, number>;
}

/** A fingerprint of everything a run may change, for comparing two end states. */
async function fingerprint(db: Db) {
  const tables = ['actors', 'roles', 'other_roles', 'blocks', 'credentials', 'financial_items', 'loans', ...RECORD_TABLE_CATEGORIES, 'cleanup_daily_counts'];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const order = table === 'cleanup_daily_counts' ? 'day, category' : table === 'actors' ? 'id' : 'id';
    const r = await db.$client.query(`select md5(coalesce(string_agg(x::text, '|' order by ${order}), '')) as h from ${table} x`);
    out[table] = r.rows[0].h as string;
  }
  return out;
}

/** SAFETY.md invariants: no anonymized loan keeps a link; every stored actor still has its actor row. */
async function checkInvariants(db: Db) {
  const r = await db.$client.query(`select
    (select count(*) from loans where anonymized_on is not null and actor_id is not null)::int as linked_anonymized,
    (select count(*) from loans where anonymized_on is null and actor_id is null)::int as unlinked_live,
    (select count(*) from cleanup_runs where status = 'running')::int as running`);
  expect(r.rows[0]).toMatchObject({ linked_anonymized: 0, unlinked_live: 0 });
}

describe('a generated library of 1,500 actors', () => {
  it('covers every deletion condition', async () => {
    await load(t.db);
    const codes = new Set<string>();
    for (const actor of scenario.actors) {
      const report = (await getActorReport(t.db, actor.actorId, '2026-11-23')) as FoundActorReport;
      for (const reason of report.removal.reasons) codes.add(reason.code);
    }
    expect([...codes].sort()).toEqual(
      expect.arrayContaining(['OPEN_FINANCIAL_ITEMS', 'RECENT_FINANCIAL_ARCHIVE', 'CURRENT_LOANS', 'GENERAL_OR_BAILIFF_BLOCK', 'SIP_PORT_USERNAME']),
    );
  });

  it.each(['2026-11-23', '2027-06-30', '2030-01-01'])(
    'on %s: the reports\u2019 due counts equal what one run processes, and the run records exactly what changed',
    async (asOf) => {
      await load(t.db);
      const due = Object.fromEntries(CATEGORY_IDS.map((id) => [id, 0])) as Record<string, number>;
      let removals = 0;
      for (const actor of scenario.actors) {
        const report = (await getActorReport(t.db, actor.actorId, asOf)) as FoundActorReport;
        for (const id of CATEGORY_IDS) due[id]! += report.categories[id].due;
        if (report.removal.date === asOf) removals += 1;
      }
      const counted = await countDue(t.db, { asOf, rangeActors: 333 });
      expect(counted.records).toEqual(due);
      expect(counted.actors).toBe(removals);
      const before = await tableCounts(t.db);
      const run = await runCleanup(t.db, { asOf, trigger: 'test', batchActors: 97 });
      const after = await tableCounts(t.db);
      const processed = (id: string) => (run.records[id]?.deleted ?? 0) + (run.records[id]?.anonymized ?? 0);
      for (const id of CATEGORY_IDS) expect(processed(id), id).toBe(due[id]);
      expect(run.actorsRemoved).toBe(removals);
      expect(before.actors! - after.actors!).toBe(run.actorsRemoved);
      expect(after.anonymized_loans! - before.anonymized_loans!).toBe(processed('loan_history'));
      expect(before.personal! - after.personal!).toBe(processed('personal_details'));
      for (const category of RECORD_TABLE_CATEGORIES) expect(before[category]! - after[category]!, category).toBe(processed(category));
      expect(before.financial_items! - after.financial_items!).toBe(processed('financial_transactions'));
      expect(before.blocks! - after.blocks!).toBe(processed('blocks'));
      expect(before.credentials! - after.credentials!).toBe(processed('credentials'));
      const daily = await t.db.$client.query(`select category, deleted::int, anonymized::int from cleanup_daily_counts where day = $1`, [asOf]);
      for (const row of daily.rows) {
        if (row.category === 'actors') expect(row.deleted).toBe(run.actorsRemoved);
        else expect({ deleted: row.deleted, anonymized: row.anonymized }).toEqual(run.records[row.category]);
      }
      await checkInvariants(t.db);
    },
  );

  it('skips an actor whose row another session holds locked, and a later run does it', async () => {
    await load(t.db);
    const asOf = '2030-01-01';
    const victim = scenario.actors.find((a) => a.roles[0]!.endDate && a.roles[0]!.endDate < '2020-01-01' && a.financial.every((f) => f.settled) && a.loans.every((l) => l.returnedOn))!;
    const due = (await getActorReport(t.db, victim.actorId, asOf)) as FoundActorReport;
    expect(due.removal.due).toBe(true);
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    await holder.query('begin');
    await holder.query('select 1 from actors where id = $1 for update', [victim.actorId]);
    const first = await runCleanup(t.db, { asOf, trigger: 'test', batchActors: 200 });
    expect(first.actorsLocked).toBe(1);
    expect(first.errors).toBe(0);
    // Skipped under SKIP LOCKED, not a failure: no batch split.
    expect(first.batchesSplit).toBe(0);
    expect(first.actorsRemoved).toBeGreaterThan(10);
    expect(((await getActorReport(t.db, victim.actorId, asOf)) as FoundActorReport).categories).toEqual(due.categories);
    await holder.query('rollback');
    await holder.end();
    const second = await runCleanup(t.db, { asOf, trigger: 'test', batchActors: 200 });
    expect(second.actorsRemoved).toBe(1);
    expect((await getActorReport(t.db, victim.actorId, asOf)).found).toBe(false);
  });

  it('a batch that hits a lock on a record gives up under lock_timeout, the rest proceeds, a later run does it', async () => {
    await load(t.db);
    const asOf = '2030-01-01';
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    await holder.query('begin');
    // A hold of some actor that the run must delete, locked by another session (a library desk editing it).
    const target = await holder.query(`select h.id, h.actor_id from holds h where not h.is_open order by h.record_date limit 1 for update`);
    try {
      const startedAt = Date.now();
      const first = await runCleanup(t.db, { asOf, trigger: 'test', batchActors: 500 });
      expect(first.errors).toBe(1);
      expect(Date.now() - startedAt).toBeLessThan(60_000);
      const runRow = await t.db.$client.query('select error_details from cleanup_runs where id = $1', [first.runId]);
      // The failure's time stamps are left out first: a short actor id can stand in their milliseconds.
      const details = JSON.stringify(runRow.rows[0].error_details).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '');
      expect(details).not.toContain(String(target.rows[0].actor_id));
      expect(details).toContain('lock timeout');
      // The failing batch was split down to the one actor; the run record says how often, for a monitor.
      expect(first.batchesSplit).toBeGreaterThanOrEqual(1);
      expect((await t.db.$client.query('select batches_split from cleanup_runs where id = $1', [first.runId])).rows[0].batches_split).toBe(first.batchesSplit);
    } finally {
      // Released whatever happened, so a failure here does not hold the lock over the next tests.
      await holder.query('rollback');
      await holder.end();
    }
    const second = await runCleanup(t.db, { asOf, trigger: 'test', batchActors: 500 });
    expect(second.errors).toBe(0);
    expect(second.batchesSplit).toBe(0);
    expect(second.recordsProcessed).toBeGreaterThan(0);
    const third = await runCleanup(t.db, { asOf, trigger: 'test', batchActors: 500 });
    expect(third.recordsProcessed).toBe(0);
    await checkInvariants(t.db);
  });

  it('two runs started together: one works, the other is refused at once', async () => {
    await load(t.db);
    const results = await Promise.allSettled([
      runCleanup(t.db, { asOf: '2030-01-01', trigger: 'test', batchActors: 50 }),
      runCleanup(t.db, { asOf: '2030-01-01', trigger: 'test', batchActors: 50 }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(String((rejected[0] as PromiseRejectedResult).reason)).toMatch(/another cleanup run is active/);
  });

  it('leaves nothing that identifies a removed actor: no row anywhere holds their marker', async () => {
    const marked: Scenario = {
      ...scenario,
      actors: scenario.actors.map((a) => ({ ...a, personal: { ...a.personal, name: `MARKER-${a.actorId}-Z`, email: `marker-${a.actorId}@example.org` } })),
    };
    await load(t.db, marked);
    const asOf = '2030-01-01';
    const removed: number[] = [];
    for (const actor of marked.actors) {
      const report = (await getActorReport(t.db, actor.actorId, asOf)) as FoundActorReport;
      if (report.removal.date === asOf) removed.push(actor.actorId);
    }
    expect(removed.length).toBeGreaterThan(50);
    await t.db.$client.query(`insert into access_log (caller_kind, caller_id, caller_label, actor_id, via) select 'user', 'u1', 'support@demo.test', unnest($1::bigint[]), 'api'`, [removed]);
    await runCleanupUntilDone(t.db, { asOf, trigger: 'test' });
    const tables = await t.db.$client.query<{ table_schema: string; table_name: string }>(
      `select table_schema, table_name from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE'`,
    );
    expect(tables.rows.length).toBeGreaterThan(20);
    for (const { table_schema, table_name } of tables.rows) {
      const dump = await t.db.$client.query(`select string_agg(x::text, E'\\n') as text from "${table_schema}"."${table_name}" x`);
      const text = (dump.rows[0].text as string | null) ?? '';
      for (const id of removed.slice(0, 200)) {
        expect(text.includes(`MARKER-${id}-Z`), `${table_name} holds the marker of a removed actor`).toBe(false);
        expect(text.includes(`marker-${id}@`), `${table_name} holds the e-mail of a removed actor`).toBe(false);
      }
    }
    const left = await t.db.$client.query(`select count(*)::int as n from access_log where actor_id = any($1::bigint[])`, [removed]);
    expect(left.rows[0].n).toBe(0);
  });
});

describe('a cleanup killed at random moments', () => {
  it('reaches the same end state and per-day counts as an uninterrupted one when run again', async () => {
    const asOf = '2030-01-01';
    const reference = await createTestDatabase('reference');
    const killed = await createTestDatabase('killed');
    try {
      await load(reference.db);
      await load(killed.db);
      await runCleanupUntilDone(reference.db, { asOf, trigger: 'test', batchActors: 20 });

      const env = { CLEANUP_BATCH_ACTORS: '20' };
      // Each kill comes at a moment after the child's run has started (its run record exists), so
      // that a slow process start on a busy machine cannot make every kill land before the run.
      for (const delay of [50, 300, 700, 1200]) {
        // A killed run's record stays `running` until the next run marks it: look for a newer one.
        const spawnedAt = (await killed.db.$client.query<{ t: Date }>('select clock_timestamp() as t')).rows[0]!.t;
        await new Promise<void>((resolve, reject) => {
          const child = spawn(path.resolve(import.meta.dirname, '../node_modules/.bin/tsx'), ['cli/index.ts', 'cleanup', '--as-of', asOf, '--json'], {
            cwd: path.resolve(import.meta.dirname, '..'),
            env: { ...process.env, DATABASE_URL: killed.url, ...env },
            stdio: 'ignore',
            detached: true,
          });
          let exited = false;
          let timer: NodeJS.Timeout | undefined;
          const kill = () => {
            // SIGKILL the whole process group (tsx and the node process it starts).
            try {
              process.kill(-child.pid!, 'SIGKILL');
            } catch {
              /* already finished */
            }
          };
          const waitForRun = async () => {
            for (let i = 0; i < 1200 && !exited; i++) {
              const r = await killed.db.$client.query(`select count(*)::int as n from cleanup_runs where status = 'running' and started_at > $1`, [spawnedAt]);
              if (r.rows[0].n > 0) break;
              await new Promise((r2) => setTimeout(r2, 25));
            }
            if (!exited) timer = setTimeout(kill, delay);
          };
          void waitForRun();
          child.on('exit', () => {
            exited = true;
            if (timer) clearTimeout(timer);
            resolve();
          });
          child.on('error', reject);
        });
        await checkInvariants(killed.db);
      }
      const rerun = await runCli(['cleanup', '--as-of', asOf, '--until-done', '--json'], { databaseUrl: killed.url, env });
      expect(rerun.code).toBe(0);
      const interrupted = await killed.db.$client.query(`select count(*)::int as n from cleanup_runs where status = 'interrupted'`);
      expect(interrupted.rows[0].n).toBeGreaterThan(0);
      expect(await fingerprint(killed.db)).toEqual(await fingerprint(reference.db));
      await checkInvariants(killed.db);
    } finally {
      await reference.drop();
      await killed.drop();
    }
  }, 180_000); // four killed child processes and their reruns: slow on a busy 2-core machine
});
