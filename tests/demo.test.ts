import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { getActorReport } from '@/lib/actors/get-actor-report';
import { createDemoLibrary, DEMO_INSTANCES, FIRST_GENERATED_ID } from '@/lib/demo/create-demo-library';
import { SHOWCASE_CONDITIONS } from '@/lib/demo/generate-scenario';
import { TYPICAL_SETTINGS } from '@/lib/retention/settings';
import type { FoundActorReport } from '@/lib/retention/types';
import { getSettings } from '@/db/queries/settings';
import { LibraryNotEmptyError } from '@/lib/scenario/load';
import { createTestDatabase, setupTestDatabase } from './helpers/db';

const today = '2026-11-23';
const t = await setupTestDatabase('demo');

async function fingerprint(db: Db) {
  const tables = ['actors', 'roles', 'other_roles', 'blocks', 'credentials', 'financial_items', 'loans', 'holds', 'marketing', 'relationships', 'titles_previously_borrowed'];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const r = await db.$client.query(`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by id), '')) as h from ${table} x`);
    out[table] = `${r.rows[0].n}:${r.rows[0].h}`;
  }
  return out;
}

describe('the demo library', () => {
  it('is deterministic: the same seed and day give the same data, another seed other data', async () => {
    const other = await createTestDatabase('demo_other');
    try {
      await createDemoLibrary(t.db, { actors: 1500, seed: 7, today, replace: true });
      await createDemoLibrary(other.db, { actors: 1500, seed: 7, today, replace: true });
      expect(await fingerprint(other.db)).toEqual(await fingerprint(t.db));
      await createDemoLibrary(other.db, { actors: 1500, seed: 8, today, replace: true });
      expect((await fingerprint(other.db)).loans).not.toEqual((await fingerprint(t.db)).loans);
    } finally {
      await other.drop();
    }
  });

  it('has the typical settings, audited, the worked example as 1001, and every deletion condition', async () => {
    await createDemoLibrary(t.db, { actors: 400, seed: 1, today, replace: true });
    expect(await getSettings(t.db)).toEqual(TYPICAL_SETTINGS);
    const audit = await t.db.$client.query(`select count(*)::int as n from settings_audit where changed_by = 'cli demo'`);
    expect(audit.rows[0].n).toBeGreaterThanOrEqual(5);
    const example = (await getActorReport(t.db, 1001, '2024-01-01')) as FoundActorReport;
    expect(example.removal.date).toBe('2029-08-10');
    expect(example.cancellationDate).toBe('2022-11-15');
    const codes = new Set<string>();
    for (let id = FIRST_GENERATED_ID; id < FIRST_GENERATED_ID + 400 - 2; id++) {
      const report = await getActorReport(t.db, id, today);
      if (report.found) for (const reason of report.removal.reasons) codes.add(reason.code);
    }
    // Every condition a record of the actor's own makes (LEGAL_HOLD is placed by an admin: SHOWCASE_CONDITIONS).
    for (const code of SHOWCASE_CONDITIONS) expect(codes, code).toContain(code);
    const mix = await t.db.$client.query(`select
      (select count(*) from actors a where exists (select 1 from roles r where r.actor_id = a.id and r.type in ('ABON','EDUV') and (r.end_date is null or r.end_date > $1)))::int as active,
      (select count(*) from actors where not loan_history_opt_in)::int as opted_out,
      (select count(distinct instance_id) from roles)::int as instances,
      (select count(*) from actors)::int as actors`, [today]);
    const m = mix.rows[0];
    expect(m.actors).toBe(400);
    expect(m.active / m.actors).toBeGreaterThan(0.5);
    expect(m.opted_out).toBeGreaterThan(20);
    expect(m.instances).toBeGreaterThanOrEqual(3);
  });

  it('refuses to replace actor data without replace', async () => {
    await expect(createDemoLibrary(t.db, { actors: 10, seed: 1, today, replace: false })).rejects.toBeInstanceOf(LibraryNotEmptyError);
  });

  it('makes its history with real cleanup runs whose records add up to the per-day counts, and leaves a backlog', async () => {
    const result = await createDemoLibrary(t.db, { actors: 1200, seed: 3, today, replace: true, historyDays: 8 });
    expect(result.historyRuns).toBe(6);
    const runs = await t.db.$client.query(`select as_of, records, actors_removed from cleanup_runs where trigger = 'demo' and status in ('completed', 'partial')`);
    const fromRuns = new Map<string, number>();
    for (const run of runs.rows) {
      for (const [category, c] of Object.entries(run.records as Record<string, { deleted: number; anonymized: number }>)) {
        const key = `${run.as_of}|${category}`;
        fromRuns.set(key, (fromRuns.get(key) ?? 0) + c.deleted + c.anonymized);
      }
      if (run.actors_removed) fromRuns.set(`${run.as_of}|actors`, (fromRuns.get(`${run.as_of}|actors`) ?? 0) + run.actors_removed);
    }
    const daily = await t.db.$client.query(`select day, category, (deleted + anonymized)::int as n from cleanup_daily_counts`);
    const fromDaily = new Map(daily.rows.map((r) => [`${r.day}|${r.category}`, r.n as number]));
    expect(fromDaily).toEqual(fromRuns);
    expect(fromDaily.size).toBeGreaterThan(10);
    const backlog = await t.db.$client.query(`select max(as_of) as last from cleanup_runs`);
    expect(backlog.rows[0].last).toBe('2026-11-20');
  });
});

describe('the demo logins', () => {
  it('are created by the demo, once, with the demo password and no forced change', async () => {
    const first = await createDemoLibrary(t.db, { actors: 50, seed: 1, today, replace: true });
    const second = await createDemoLibrary(t.db, { actors: 50, seed: 1, today, replace: true });
    expect(second.loginsCreated).toEqual([]);
    const r = await t.db.$client.query(`select email, role, must_change_password from users where email like '%@demo.test' order by email`);
    expect(r.rows.map((x) => [x.email, x.role, x.must_change_password])).toEqual([
      ['admin@demo.test', 'admin', false],
      ['manager@demo.test', 'manager', false],
      ['ops@demo.test', 'ops', false],
      ['support@demo.test', 'support', false],
    ]);
    expect(first.loginsCreated.length + second.loginsCreated.length).toBeLessThanOrEqual(4);
  });

  it('tie the manager to the demo library’s first instance (lowest id), and no other login', async () => {
    const fresh = await createTestDatabase('demo_ties');
    try {
      const result = await createDemoLibrary(fresh.db, { actors: 10, seed: 1, today, replace: false });
      expect(result.loginsCreated).toHaveLength(4);
      const firstInstance = Math.min(...DEMO_INSTANCES.map((i) => i.id));
      const r = await fresh.db.$client.query(`select email, instance_id from users order by email`);
      expect(r.rows).toEqual([
        { email: 'admin@demo.test', instance_id: null },
        { email: 'manager@demo.test', instance_id: firstInstance },
        { email: 'ops@demo.test', instance_id: null },
        { email: 'support@demo.test', instance_id: null },
      ]);
      const instance = await fresh.db.$client.query(`select name from instances where id = $1`, [firstInstance]);
      expect(instance.rows).toEqual([{ name: 'Bibliotheek Rivierenland' }]);
    } finally {
      await fresh.drop();
    }
  });
});

describe('the demo backlog', () => {
  it('is counted for the demo day, so the job screens show what the job will find', async () => {
    await createDemoLibrary(t.db, { actors: 800, seed: 5, today, replace: true, historyDays: 6 });
    const state = await t.db.$client.query('select backlog, backlog_as_of from cleanup_state');
    expect(state.rows[0].backlog_as_of).toBe(today);
    const { countDue } = await import('@/lib/cleanup/count-due');
    const due = await countDue(t.db, { asOf: today });
    expect(state.rows[0].backlog).toEqual(JSON.parse(JSON.stringify(due)));
  });
});
