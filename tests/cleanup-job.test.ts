import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { getBacklogHistory } from '@/lib/cleanup/backlog-history';
import { countDue } from '@/lib/cleanup/count-due';
import { acknowledgeBreaker, getJobStatus, isRunActive, pauseJob, resumeJob, runScheduledCleanup } from '@/lib/cleanup/job';
import { CLEANUP_LOCK_KEY, runCleanup } from '@/lib/cleanup/run';
import { startCleanupWorker } from '@/lib/cleanup/worker';
import { generateScenario } from '@/lib/demo/generate-scenario';
import { DISABLED_SETTINGS, SETTING_NAMES, TYPICAL_SETTINGS } from '@/lib/retention/settings';
import { loadScenario } from '@/lib/scenario/load';
import { changeSettings } from '@/lib/settings/change-settings';
import { computeSettingsWhatIf } from '@/lib/settings/what-if';
import { runCli } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';

const t = await setupTestDatabase('job');
const asOf = '2026-11-23';
const by = { label: 'ops@test', userId: null };
const library = generateScenario({ actors: 600, seed: 11, today: asOf, settings: DISABLED_SETTINGS });

async function loadLibrary(settings = DISABLED_SETTINGS) {
  await loadScenario(t.db, { ...library, settings }, { replace: true, by: 'test', reason: 'job test' });
  await t.db.$client.query(`update cleanup_state set paused = false, tripped_at = null, trip = null, approved_actors_left = 0`);
}

describe('pause', () => {
  it('is honoured by every trigger; a dry run still runs', async () => {
    await loadLibrary(TYPICAL_SETTINGS);
    await pauseJob(t.db, by);
    expect((await getJobStatus(t.db, { cadenceMinutes: 10 })).state).toBe('paused');
    expect(await runScheduledCleanup(t.db, { asOf, trigger: 'schedule' })).toEqual({ ran: false, reason: 'paused' });
    await expect(runCleanup(t.db, { asOf, trigger: 'api' })).rejects.toThrow(/paused/);
    expect((await runCli(['cleanup', '--as-of', asOf], { databaseUrl: t.url })).code).toBe(3);
    const dry = await runCleanup(t.db, { asOf, trigger: 'api', dryRun: true });
    expect(dry.recordsProcessed).toBeGreaterThan(0);
    const runs = await t.db.$client.query(`select count(*)::int as n from cleanup_runs where not dry_run and records_processed > 0`);
    expect(runs.rows[0].n).toBe(0);
    await resumeJob(t.db, by);
    const audit = await t.db.$client.query(`select action from audit_log where target_type = 'job' order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['cleanup.pause', 'cleanup.resume']);
  });
});

describe('a dry run while the job is paused', () => {
  it('is reported as running, with its progress, until it ends', async () => {
    await loadLibrary(TYPICAL_SETTINGS);
    await pauseJob(t.db, by);
    const seen: Awaited<ReturnType<typeof getJobStatus>>[] = [];
    const dry = await runCleanup(t.db, {
      asOf,
      trigger: 'dashboard',
      startedBy: 'ops@test',
      dryRun: true,
      batchActors: 50,
      onPhase: async (phase) => {
        if (phase === 'beforeCommit') seen.push(await getJobStatus(t.db, { cadenceMinutes: 10 }));
      },
    });
    expect(dry.recordsProcessed).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(1);
    for (const status of seen) {
      expect(status.state).toBe('running');
      expect(status.paused).not.toBeNull();
      expect(status.running).toMatchObject({ dryRun: true, status: 'running', startedBy: 'ops@test' });
    }
    // The second batch sees the first one's counts: the progress moves.
    expect(seen.at(-1)!.running!.batches).toBeGreaterThan(0);
    expect(seen.at(-1)!.running!.actorsExamined).toBeGreaterThan(0);
    const after = await getJobStatus(t.db, { cadenceMinutes: 10 });
    expect(after.state).toBe('paused');
    expect(after.running).toBeNull();
    expect(after.lastRun).toMatchObject({ dryRun: true, status: 'completed', recordsProcessed: dry.recordsProcessed });
    await resumeJob(t.db, by);
  });
});

describe('the circuit breaker', () => {
  it('trips a scheduled run on a settings change nobody approved: nothing removed, the numbers recorded', async () => {
    await loadLibrary();
    // Nobody looked at a what-if: the settings are written behind the product's back.
    await t.db.$client.query(`update settings set value = case name when 'inactiveActorMonths' then 24 when 'financialMonths' then 84
      when 'historyMonths' then 24 when 'personalDataMonths' then 84 else 90 end`);
    const before = await t.db.$client.query('select count(*)::int as n from actors');
    const outcome = await runScheduledCleanup(t.db, { asOf, trigger: 'schedule' });
    expect(outcome).toMatchObject({ ran: false, reason: 'tripped' });
    expect((await t.db.$client.query('select count(*)::int as n from actors')).rows[0].n).toBe(before.rows[0].n);
    const status = await getJobStatus(t.db, { cadenceMinutes: 10 });
    expect(status.state).toBe('tripped');
    expect(status.tripped?.details).toMatchObject({ actorsTotal: 600, maxActors: 1000, maxShare: 0.01 });
    expect(Number(status.tripped?.details?.dueActors)).toBeGreaterThan(6);
    const run = await t.db.$client.query(`select status, stop_reason, records_processed from cleanup_runs order by started_at desc limit 1`);
    expect(run.rows[0]).toMatchObject({ status: 'tripped', records_processed: 0 });
    expect(run.rows[0].stop_reason).toMatch(/circuit breaker/);
    // Attended runs are not stopped by it, but a tripped job refuses scheduled runs until acknowledged.
    expect(await runScheduledCleanup(t.db, { asOf, trigger: 'schedule' })).toEqual({ ran: false, reason: 'tripped' });
    const approved = await acknowledgeBreaker(t.db, { by: { label: 'admin@test', userId: null }, asOf });
    expect(approved.approvedActors).toBe(Number(status.tripped?.details?.dueActors));
    const after = await runScheduledCleanup(t.db, { asOf, trigger: 'schedule' });
    expect(after.ran).toBe(true);
    if (after.ran) expect(after.summary.actorsRemoved).toBe(approved.approvedActors);
    const state = await getJobStatus(t.db, { cadenceMinutes: 10 });
    expect(state.breaker.approvedActorsLeft).toBe(0);
    expect(state.backlog).toMatchObject({ actors: 0, recordsTotal: 0 });
  });

  it('does not trip on a change whose what-if the admin confirmed', async () => {
    await loadLibrary();
    const changes = SETTING_NAMES.map((name) => ({ name, value: TYPICAL_SETTINGS[name] }));
    const whatIf = await computeSettingsWhatIf(t.db, { changes, asOf });
    expect(whatIf.exceedsBreaker).toBe(true);
    await changeSettings(t.db, {
      changes,
      reason: 'switch the rules on',
      by: 'admin@test',
      expected: whatIf.currentSettings,
      approvedRemovals: whatIf.newlyDue.actors,
      dueBefore: whatIf.current.actors,
    });
    const outcome = await runScheduledCleanup(t.db, { asOf, trigger: 'schedule' });
    expect(outcome.ran).toBe(true);
    if (outcome.ran) expect(outcome.summary.actorsRemoved).toBe(whatIf.proposed.actors);
  });
});

describe('a confirmed settings change approves only what it newly makes due', () => {
  // A library where about half of the typical settings' backlog is due already with financialMonths
  // at 120 (31 of 600 actors, beyond the breaker's 1 %), and lowering it to 84 makes more actors due.
  const OLD = { ...TYPICAL_SETTINGS, financialMonths: 120 };
  const approvedLeft = async () => (await t.db.$client.query('select approved_actors_left as n from cleanup_state where id = 1')).rows[0].n as number;

  it('retention settings set: a backlog already due beyond the breaker is not approved, and the next scheduled run trips', async () => {
    await loadLibrary(OLD);
    const result = await runCli(['settings', 'set', 'financialMonths=84', '--reason', 'shorter', '--yes', '--as-of', asOf, '--json'], { databaseUrl: t.url });
    expect(result.code).toBe(0);
    const { whatIf } = JSON.parse(result.stdout) as { whatIf: { current: { actors: number }; proposed: { actors: number }; newlyDue: { actors: number } } };
    // The backlog under the old settings alone is beyond the breaker (1 % of 600 actors), and the change adds to it.
    expect(whatIf.current.actors).toBeGreaterThan(6);
    expect(whatIf.newlyDue.actors).toBeGreaterThan(0);
    expect(whatIf.newlyDue.actors).toBe(whatIf.proposed.actors - whatIf.current.actors);
    expect(await approvedLeft()).toBe(whatIf.newlyDue.actors);

    const before = await t.db.$client.query('select count(*)::int as n from actors');
    const outcome = await runScheduledCleanup(t.db, { asOf, trigger: 'schedule' });
    expect(outcome).toMatchObject({ ran: false, reason: 'tripped', details: { dueActors: whatIf.proposed.actors, unapproved: whatIf.current.actors } });
    expect((await t.db.$client.query('select count(*)::int as n from actors')).rows[0].n).toBe(before.rows[0].n);
  });

  it('an acknowledged backlog stays approved beside the change’s own removals, but never more than was due before', async () => {
    await loadLibrary(OLD);
    const acknowledged = await acknowledgeBreaker(t.db, { by: { label: 'admin@test', userId: null }, asOf });
    expect(acknowledged.approvedActors).toBeGreaterThan(6);
    const changes = [{ name: 'financialMonths' as const, value: 84 }];
    const whatIf = await computeSettingsWhatIf(t.db, { changes, asOf });
    expect(whatIf.current.actors).toBe(acknowledged.approvedActors);
    expect(whatIf.newlyDue.actors).toBeGreaterThan(0);
    // An approval larger than what is due before the change (stale) is cut to what is due.
    await t.db.$client.query('update cleanup_state set approved_actors_left = 100000');
    await changeSettings(t.db, {
      changes,
      reason: 'shorter',
      by: 'admin@test',
      expected: whatIf.currentSettings,
      approvedRemovals: whatIf.newlyDue.actors,
      dueBefore: whatIf.current.actors,
    });
    expect(await approvedLeft()).toBe(whatIf.current.actors + whatIf.newlyDue.actors);
    const outcome = await runScheduledCleanup(t.db, { asOf, trigger: 'schedule' });
    expect(outcome.ran).toBe(true);
    if (outcome.ran) expect(outcome.summary.actorsRemoved).toBe(whatIf.proposed.actors);
    expect(await approvedLeft()).toBe(0);
  });
});

describe('the backlog', () => {
  it('is counted at the end of a run that stopped at its row limit, and is zero after a complete one', async () => {
    await loadLibrary(TYPICAL_SETTINGS);
    await t.db.$client.query('update cleanup_state set approved_actors_left = 100000');
    const partial = await runCleanup(t.db, { asOf, trigger: 'test', rowLimit: 1000, batchActors: 100 });
    expect(partial.status).toBe('partial');
    const status = await getJobStatus(t.db, { cadenceMinutes: 10 });
    const due = await countDue(t.db, { asOf });
    expect(status.backlog).toMatchObject({ asOf, actors: due.actors, recordsTotal: due.recordsTotal });
    expect(status.backlog!.recordsTotal).toBeGreaterThan(0);
    expect(status.backlogClearedAt).not.toBeNull();
    const rest = await runCleanup(t.db, { asOf, trigger: 'test' });
    expect(rest.status).toBe('completed');
    expect((await getJobStatus(t.db, { cadenceMinutes: 10 })).backlog).toMatchObject({ actors: 0, recordsTotal: 0 });
  });

  it('keeps one burn-down point per as-of day (the last run of the day wins) beside what each day processed', async () => {
    await loadLibrary(TYPICAL_SETTINGS);
    await t.db.$client.query('delete from cleanup_backlog_days; delete from cleanup_daily_counts');
    await t.db.$client.query('update cleanup_state set approved_actors_left = 100000');
    const yesterday = '2026-11-22';
    const first = await runCleanup(t.db, { asOf: yesterday, trigger: 'test', rowLimit: 800, batchActors: 50 });
    expect(first.status).toBe('partial');
    const dueYesterday = await countDue(t.db, { asOf: yesterday });
    // A dry run counts nothing into the history.
    await runCleanup(t.db, { asOf, trigger: 'test', dryRun: true });
    let history = await getBacklogHistory(t.db, { today: asOf, days: 3 });
    expect(history.days.map((d) => d.date)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
    expect(history.days[0]).toEqual({ date: '2026-11-21', backlog: null, processed: { records: 0, actors: 0 } });
    expect(history.days[1]!.backlog).toMatchObject({ actors: dueYesterday.actors, recordsTotal: dueYesterday.recordsTotal });
    expect(history.days[1]!.processed).toEqual({ records: first.recordsProcessed, actors: first.actorsRemoved });
    expect(history.days[2]!.backlog).toBeNull();

    const partToday = await runCleanup(t.db, { asOf, trigger: 'test', rowLimit: 500, batchActors: 50 });
    const rest = await runCleanup(t.db, { asOf, trigger: 'test' });
    history = await getBacklogHistory(t.db, { today: asOf, days: 3 });
    expect(history.days[2]!.backlog).toMatchObject({ actors: 0, recordsTotal: 0 });
    expect(history.days[2]!.processed.records).toBe(partToday.recordsProcessed + rest.recordsProcessed);
    const rows = await t.db.$client.query('select count(*)::int as n from cleanup_backlog_days');
    expect(rows.rows[0].n).toBe(2);
  });
});

describe('one run at a time', () => {
  it('reports a run as running while any session holds the run lock', async () => {
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    await holder.query('select pg_advisory_lock($1)', [CLEANUP_LOCK_KEY]);
    expect(await isRunActive(t.db)).toBe(true);
    expect(await runScheduledCleanup(t.db, { asOf, trigger: 'schedule' })).toEqual({ ran: false, reason: 'busy' });
    await holder.end();
    expect(await isRunActive(t.db)).toBe(false);
  });

  it('several command-line runs started together: one works, the others exit 3', async () => {
    await loadLibrary(TYPICAL_SETTINGS);
    const results = await Promise.all(
      [1, 2, 3].map(() => runCli(['cleanup', '--as-of', asOf, '--json'], { databaseUrl: t.url, env: { CLEANUP_BATCH_ACTORS: '20' } })),
    );
    const codes = results.map((r) => r.code).sort();
    expect(codes).toEqual([0, 3, 3]);
    const worked = results.find((r) => r.code === 0)!;
    expect(JSON.parse(worked.stdout.trim()).recordsProcessed).toBeGreaterThan(0);
  });
});

describe('the worker', () => {
  it('runs the job it gets from the queue as a scheduled run', async () => {
    await loadLibrary(DISABLED_SETTINGS);
    const worker = await startCleanupWorker({
      db: t.db,
      url: t.url,
      cadenceMinutes: 10,
      timeZone: 'Europe/Amsterdam',
      timeBudgetMs: 60_000,
      rowLimit: 1_000_000,
      batchActors: 500,
      lockTimeoutMs: 2000,
      cronCheckSeconds: 1,
    });
    try {
      await worker.triggerNow();
      let run: { trigger: string; status: string } | undefined;
      for (let i = 0; i < 60 && !run; i++) {
        await new Promise((r) => setTimeout(r, 500));
        const r = await t.db.$client.query(`select trigger, status from cleanup_runs where trigger = 'schedule' and status <> 'running'`);
        run = r.rows[0];
      }
      expect(run).toEqual({ trigger: 'schedule', status: 'completed' });
      const status = await getJobStatus(t.db, { cadenceMinutes: 10 });
      expect(status.nextRunAt).not.toBeNull();
      expect(status.lastSuccessAt).not.toBeNull();
    } finally {
      await worker.stop();
    }
  });
});
