import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { getActorReport } from '@/lib/actors/get-actor-report';
import { getJobStatus, pauseJob, resumeJob } from '@/lib/cleanup/job';
import { createDemoLibrary, DEMO_INSTANCES, FIRST_GENERATED_ID, type DemoResult } from '@/lib/demo/create-demo-library';
import { DEMO_SHOWCASES, SHOWCASE_CONDITIONS } from '@/lib/demo/generate-scenario';
import { DemoJobNotReadyError, HISTORY_RUN_TIMES, historyRowLimit } from '@/lib/demo/history';
import { DELETION_CONDITION_CODES } from '@/lib/retention/conditions';
import { addDays } from '@/lib/retention/dates';
import { TYPICAL_SETTINGS } from '@/lib/retention/settings';
import type { FoundActorReport } from '@/lib/retention/types';
import { getSettings } from '@/db/queries/settings';
import { LibraryNotEmptyError } from '@/lib/scenario/load';
import { createTestDatabase, setupTestDatabase, type TestDatabase } from './helpers/db';

const today = '2026-11-23';
const TIME_ZONE = 'Europe/Amsterdam';
const t = await setupTestDatabase('demo');

/** The library's rows, table by table (a count and a hash of every row in id order). */
async function fingerprint(db: Db) {
  const tables = ['actors', 'roles', 'other_roles', 'blocks', 'credentials', 'financial_items', 'loans', 'holds', 'marketing', 'relationships', 'titles_previously_borrowed'];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const r = await db.$client.query(`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by id), '')) as h from ${table} x`);
    out[table] = `${r.rows[0].n}:${r.rows[0].h}`;
  }
  return out;
}

/** What the history wrote: the runs in order with their counts and times, the per-day counts, the burn-down, the job's state. */
async function historyFingerprint(db: Db) {
  const q = async (text: string) => (await db.$client.query(text)).rows;
  return {
    runs: await q(`select as_of, trigger, status, stop_reason, records, skipped, actors_removed, records_processed, batches, errors, started_at
                   from cleanup_runs order by started_at`),
    daily: await q(`select day, category, deleted, anonymized from cleanup_daily_counts order by day, category`),
    backlog: await q(`select day, actors, records_total, records from cleanup_backlog_days order by day`),
    state: await q(`select paused, tripped_at, approved_actors_left, backlog, backlog_as_of from cleanup_state`),
    requests: await q(`select actor_id, requested_on, recorded_at, recorded_by from removal_requests order by actor_id`),
    holds: await q(`select actor_id, until, placed_at, placed_by from legal_holds order by actor_id`),
  };
}

describe('the demo library', () => {
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
    // Every condition a record of the actor's own makes (LEGAL_HOLD is placed by an admin: the history does it).
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

  it('books membership fees on the membership’s anniversary, not on 1 January', async () => {
    const r = await t.db.$client.query(`select count(*)::int as n, count(*) filter (where to_char(f.booked_on, 'MM-DD') = to_char(a.registered_on, 'MM-DD'))::int as anniversary,
        count(distinct to_char(f.booked_on, 'MM-DD'))::int as days
      from financial_items f join actors a on a.id = f.actor_id where f.kind = 'membership_fee' and f.actor_id >= $1`, [FIRST_GENERATED_ID]);
    const { n, anniversary, days } = r.rows[0];
    // Only a registration on 29 February books its fee on the 28th in other years.
    expect(anniversary / n).toBeGreaterThan(0.99);
    expect(days).toBeGreaterThan(200);
  });

  it('refuses to replace actor data without replace', async () => {
    await expect(createDemoLibrary(t.db, { actors: 10, seed: 1, today, replace: false })).rejects.toBeInstanceOf(LibraryNotEmptyError);
  });

  it('refuses to make a history while the job is paused, before it replaces anything', async () => {
    const by = { label: 'ops@demo.test', userId: null };
    await pauseJob(t.db, by);
    try {
      const before = await fingerprint(t.db);
      await expect(createDemoLibrary(t.db, { actors: 50, seed: 2, today, replace: true, historyDays: 10 })).rejects.toBeInstanceOf(DemoJobNotReadyError);
      expect(await fingerprint(t.db)).toEqual(before);
    } finally {
      await resumeJob(t.db, by);
    }
  });
});

describe('the demo history', () => {
  const ACTORS = 400;
  const DAYS = 90;
  const first = addDays(today, -DAYS);
  const yesterday = addDays(today, -1);
  let result: DemoResult;
  let other: TestDatabase;

  beforeAll(async () => {
    const started = Date.now();
    result = await createDemoLibrary(t.db, { actors: ACTORS, seed: 7, today, replace: true, historyDays: DAYS, timeZone: TIME_ZONE });
    // The time is reported, not held to a limit here: README gives the figure for 10,000 actors.
    console.info(
      `demo library of ${ACTORS} actors with ${DAYS} days of history: ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(generate ${result.generateMs} ms, load ${result.loadMs} ms, schedule ${result.scheduleMs} ms, ${result.historyRuns} history runs ${result.historyMs} ms)`,
    );
  }, 240_000);

  afterAll(async () => {
    await other?.drop();
  });

  it('is deterministic: the same seed and day give the same data and the same counts, another seed other data', async () => {
    other = await createTestDatabase('demo_other');
    const again = await createDemoLibrary(other.db, { actors: ACTORS, seed: 7, today, replace: true, historyDays: DAYS, timeZone: TIME_ZONE });
    expect(await fingerprint(other.db)).toEqual(await fingerprint(t.db));
    expect(await historyFingerprint(other.db)).toEqual(await historyFingerprint(t.db));
    expect({ ...again, generateMs: 0, loadMs: 0, scheduleMs: 0, historyMs: 0, loginsCreated: [] }).toEqual({
      ...result,
      generateMs: 0,
      loadMs: 0,
      scheduleMs: 0,
      historyMs: 0,
      loginsCreated: [],
    });
    await createDemoLibrary(other.db, { actors: ACTORS, seed: 8, today, replace: true });
    expect((await fingerprint(other.db)).loans).not.toEqual((await fingerprint(t.db)).loans);
  }, 240_000);

  it('keeps every showcase actor with its condition today: 10001–10019 one deletion condition each, 10020 a removal request that waits', async () => {
    const conditions = new Set<string>(DELETION_CONDITION_CODES);
    expect(DEMO_SHOWCASES).toHaveLength(20);
    for (const [i, showcase] of DEMO_SHOWCASES.entries()) {
      const report = await getActorReport(t.db, FIRST_GENERATED_ID + i, today);
      expect(report.found, `${FIRST_GENERATED_ID + i} ${showcase}`).toBe(true);
      const { removal } = report as FoundActorReport;
      const held = removal.reasons.filter((r) => conditions.has(r.code)).map((r) => r.code).sort();
      if (showcase === 'REMOVAL_REQUEST') {
        expect(removal.requestedOn).toBe(addDays(today, -30));
        // The request waived every waiting period; the unpaid fine still keeps the customer.
        expect(removal.reasons).toEqual([{ code: 'OPEN_FINANCIAL_ITEMS', until: null }]);
      } else if (showcase === 'RUNNING_MEMBERSHIP_STATUS' || showcase === 'SPECIAL_MEMBERSHIP') {
        // The ABON role they rest on is held until the `memberships` rule deletes it, 24 months after
        // its end: as long as RECENT_MEMBERSHIP_END, which the same end starts (RETENTION.md).
        expect(held).toEqual([showcase, 'RECENT_MEMBERSHIP_END'].sort());
        const untils = new Set(removal.reasons.map((r) => r.until));
        expect(untils.size).toBe(1);
        expect([...untils][0]! > today).toBe(true);
      } else {
        expect(held, `${FIRST_GENERATED_ID + i}`).toEqual([showcase]);
      }
      if (showcase === 'LEGAL_HOLD') expect(removal.reasons).toEqual([{ code: 'LEGAL_HOLD', until: expect.stringMatching(/^2027-/) }]);
    }
    // The hold and the request have the audit trail the product writes, at the story's moments.
    const audit = await t.db.$client.query(
      `select action, changed_by, changed_at from audit_log where action in ('legal_hold.place', 'removal_request.create') order by id desc limit 2`,
    );
    const byAction = Object.fromEntries(audit.rows.map((r) => [r.action, r]));
    expect(byAction['legal_hold.place'].changed_by).toBe('admin@demo.test');
    expect(byAction['removal_request.create'].changed_by).toBe('support@demo.test');
    const firstRun = await t.db.$client.query(`select min(started_at) as at from cleanup_runs`);
    expect(byAction['legal_hold.place'].changed_at.getTime()).toBeLessThan(firstRun.rows[0].at.getTime());
  });

  it('has runs every day at the schedule’s times of day, each taking the time it really took', async () => {
    const runs = await t.db.$client.query(
      `select as_of::text, to_char(started_at at time zone $1, 'HH24:MI') as slot, (started_at at time zone $1)::date::text as local_day,
              extract(epoch from finished_at - started_at) as seconds, status
         from cleanup_runs order by started_at`,
      [TIME_ZONE],
    );
    expect(runs.rows.length).toBe(result.historyRuns);
    // Every history day, three runs (the first day: the run that tripped and the two after the acknowledgement).
    expect(runs.rows.length).toBe(DAYS * HISTORY_RUN_TIMES.length);
    expect(new Set(runs.rows.map((r) => r.as_of))).toEqual(new Set(Array.from({ length: DAYS }, (_, i) => addDays(first, i))));
    expect(new Set(runs.rows.map((r) => r.slot))).toEqual(new Set(HISTORY_RUN_TIMES));
    for (const run of runs.rows) {
      expect(run.local_day, 'started on its as-of day').toBe(run.as_of);
      expect(Number(run.seconds), 'a real duration').toBeGreaterThan(0);
    }
    // Not all in one minute, and in the past.
    const span = await t.db.$client.query(`select max(started_at) - min(started_at) > interval '80 days' as spread, max(finished_at) < now() as past from cleanup_runs`);
    expect(span.rows[0]).toEqual({ spread: true, past: true });
  });

  it('works through the first backlog over several days with a row limit, then the first run of each day does the day’s work', async () => {
    const limit = historyRowLimit(ACTORS);
    const perDay = await t.db.$client.query(
      `select as_of::text, count(*) filter (where stop_reason = 'row limit reached')::int as limited,
              max(records_processed) filter (where status <> 'tripped')::int as most,
              (array_agg(records_processed order by started_at))[2:] as later
         from cleanup_runs group by as_of order by as_of`,
    );
    const limitedDays = perDay.rows.filter((d) => d.limited > 0).map((d) => d.as_of);
    expect(limitedDays.length).toBeGreaterThanOrEqual(2);
    expect(limitedDays[0]).toBe(first);
    // No run goes far beyond the limit (it stops after the batch that reaches it).
    for (const d of perDay.rows) expect(d.most).toBeLessThan(limit * 2);
    // The burn-down: one point per history day; the first backlog goes down over the first days to the daily trickle.
    const points = await t.db.$client.query(`select day::text, records_total::int as n from cleanup_backlog_days where day < $1 order by day`, [today]);
    expect(points.rows.map((p) => p.day)).toEqual(Array.from({ length: DAYS }, (_, i) => addDays(first, i)));
    const [day1, day2] = points.rows as { n: number }[];
    expect(day1!.n).toBeGreaterThan(day2!.n);
    expect(day2!.n).toBeGreaterThan(0);
    const cleared = points.rows.findIndex((p) => p.n === 0);
    expect(cleared).toBeGreaterThanOrEqual(2);
    expect(cleared).toBeLessThan(7);
    // Afterwards every day ends with nothing due, and the later runs of a day find (almost) nothing.
    const after = perDay.rows.slice(cleared + 1);
    for (const p of points.rows.slice(cleared)) expect(p.n, p.day).toBe(0);
    const laterWork = after.flatMap((d) => d.later as number[]);
    expect(laterWork.filter((n) => n > 0).length).toBeLessThanOrEqual(2); // the retries of the failed batches
  });

  it('removes actors on many different days, and anonymizes loans of loan-history opt-outs every day', async () => {
    const removals = await t.db.$client.query(`select day::text from cleanup_daily_counts where category = 'actors' and deleted > 0 and day > $1`, [addDays(first, 3)]);
    expect(removals.rows.length).toBeGreaterThanOrEqual(10);
    // A loan anonymized less than 24 months after its return went by the opt-out rule (optOutLoanDays), not by the age rule.
    const optOut = await t.db.$client.query(
      `select anonymized_on::text as day, count(*)::int as n from loans
        where anonymized_on is not null and returned_on > anonymized_on - interval '24 months' group by 1`,
    );
    const days = new Set(optOut.rows.map((r) => r.day));
    for (let i = 0; i < DAYS; i++) expect(days.has(addDays(first, i)), addDays(first, i)).toBe(true);
  });

  it('has failed batches, recorded without an actor and done by a later run that day', async () => {
    const failed = await t.db.$client.query(`select as_of::text, error_details, started_at, finished_at from cleanup_runs where errors > 0 order by started_at`);
    expect(failed.rows.length).toBe(2);
    expect(result.historyFailedBatches).toBe(2);
    for (const run of failed.rows) {
      expect(run.error_details).toEqual([{ code: '55P03', message: expect.stringContaining('lock timeout'), at: expect.any(String) }]);
      expect(JSON.stringify(run.error_details)).not.toMatch(/1\d{4}/);
      // Its moment moved with the run.
      const at = Date.parse(run.error_details[0].at);
      expect(at).toBeGreaterThanOrEqual(run.started_at.getTime());
      expect(at).toBeLessThanOrEqual(run.finished_at.getTime());
      const later = await t.db.$client.query(
        `select records_processed from cleanup_runs where as_of = $1 and errors = 0 order by started_at limit 1`,
        [run.as_of],
      );
      expect(later.rows[0].records_processed).toBeGreaterThan(0);
    }
  });

  it('has one trip of the circuit breaker, acknowledged by the admin before the next run; the job ends neither tripped nor paused', async () => {
    const tripped = await t.db.$client.query(`select as_of::text, started_at, stop_reason from cleanup_runs where status = 'tripped'`);
    expect(tripped.rows).toHaveLength(1);
    expect(result.historyTrips).toBe(1);
    const trip = tripped.rows[0];
    expect(trip.as_of).toBe(first);
    expect(trip.stop_reason).toMatch(/^circuit breaker/);
    const next = await t.db.$client.query(`select min(started_at) as at from cleanup_runs where started_at > $1`, [trip.started_at]);
    const ack = await t.db.$client.query(
      `select changed_by, changed_at, details from audit_log where action = 'cleanup.acknowledge' and changed_at between $1 and $2`,
      [trip.started_at, next.rows[0].at],
    );
    expect(ack.rows).toHaveLength(1);
    expect(ack.rows[0].changed_by).toBe('admin@demo.test');
    expect(ack.rows[0].details.approvedActors).toBeGreaterThan(0);
    const status = await getJobStatus(t.db, { cadenceMinutes: 10 });
    expect(status.state).not.toBe('tripped');
    expect(status.state).not.toBe('paused');
    expect(status.tripped).toBeNull();
    expect(status.paused).toBeNull();
    expect(status.lastRun?.asOf).toBe(yesterday);
  });

  it('counts per day what its real runs did, keyed by their as-of day, and the backlog for the demo day', async () => {
    const runs = await t.db.$client.query(`select as_of::text, records, actors_removed from cleanup_runs where status in ('completed', 'partial')`);
    const fromRuns = new Map<string, number>();
    for (const run of runs.rows) {
      for (const [category, c] of Object.entries(run.records as Record<string, { deleted: number; anonymized: number }>)) {
        const key = `${run.as_of}|${category}`;
        fromRuns.set(key, (fromRuns.get(key) ?? 0) + c.deleted + c.anonymized);
      }
      if (run.actors_removed) fromRuns.set(`${run.as_of}|actors`, (fromRuns.get(`${run.as_of}|actors`) ?? 0) + run.actors_removed);
    }
    const daily = await t.db.$client.query(`select day::text, category, (deleted + anonymized)::int as n from cleanup_daily_counts`);
    const fromDaily = new Map(daily.rows.map((r) => [`${r.day}|${r.category}`, r.n as number]));
    expect(fromDaily).toEqual(fromRuns);
    const state = await t.db.$client.query('select backlog, backlog_as_of, backlog_counted_at, forecast_counted_at from cleanup_state');
    expect(state.rows[0].backlog_as_of).toBe(today);
    const { countDue } = await import('@/lib/cleanup/count-due');
    const due = await countDue(t.db, { asOf: today });
    expect(state.rows[0].backlog).toEqual(JSON.parse(JSON.stringify(due)));
    // Counted now, for today (not moved into the story).
    for (const at of [state.rows[0].backlog_counted_at, state.rows[0].forecast_counted_at]) expect(Date.now() - at.getTime()).toBeLessThan(10 * 60_000);
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

describe('the demo’s settings', () => {
  it('on a new database, switched the settings on the afternoon before the first day of runs (the overview, the policy and the audit log tell the reports’ story)', async () => {
    const fresh = await createTestDatabase('demo_switched');
    try {
      await createDemoLibrary(fresh.db, { actors: 60, seed: 1, today, replace: false, historyDays: 5, timeZone: 'Europe/Amsterdam' });
      const r = await fresh.db.$client.query(
        `select (select array_agg(distinct (changed_at at time zone 'Europe/Amsterdam')::text) from settings_audit where changed_by = 'cli demo') as audited,
                (select array_agg(distinct (updated_at at time zone 'Europe/Amsterdam')::text) from settings) as updated,
                (select min(started_at) from cleanup_runs) > (select max(changed_at) from settings_audit) as before_runs`,
      );
      const moment = `${addDays(today, -6)} 16:30:00`;
      expect(r.rows[0]).toEqual({ audited: [moment], updated: [moment], before_runs: true });
    } finally {
      await fresh.drop();
    }
  }, 120_000);
});
