import { describe, expect, it } from 'vitest';
import { getActorReport } from '@/lib/actors/get-actor-report';
import { runScheduledCleanup } from '@/lib/cleanup/job';
import { runCleanup } from '@/lib/cleanup/run';
import {
  ActorNotFoundError,
  NoLegalHoldError,
  recordRemovalRequest,
  releaseLegalHold,
  RemovalRequestExistsError,
  RequestInputError,
  setLegalHold,
} from '@/lib/requests/requests';
import { TYPICAL_SETTINGS } from '@/lib/retention/settings';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText } from '@/lib/scenario/schema';
import { runCli } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';

const t = await setupTestDatabase('requests');
const by = { label: 'support@test', userId: null };
const today = '2026-12-01';

const member = (actorId: number) => ({
  actorId,
  registeredOn: '2015-01-01',
  personal: { name: `Marker-${actorId}-Zq` },
  roles: [{ instanceId: 1, type: 'ABON', status: 9, startDate: '2015-01-01', endDate: null }],
});
const scenario = parseScenarioText(JSON.stringify({
  settings: TYPICAL_SETTINGS,
  instances: [{ id: 1, name: 'Test library' }],
  actors: [member(7001), member(7002), { ...member(7003), financial: [{ kind: 'fine', bookedOn: '2026-01-05', amountCents: 300, settled: false }] }],
}));

// The audit log outlives a load (it is append-only): each test reads the entries written after its load.
let auditFrom = 0;
async function load() {
  await loadScenario(t.db, scenario, { replace: true, by: 'test', reason: 'requests test' });
  auditFrom = (await t.db.$client.query(`select coalesce(max(id), 0)::int as n from audit_log`)).rows[0].n;
}

async function audit() {
  const r = await t.db.$client.query(
    `select action, target_type, target_id, target_label, details from audit_log where target_type in ('removal_request','legal_hold') and id > $1 order by id`,
    [auditFrom],
  );
  return r.rows as { action: string; target_type: string; target_id: string; target_label: string; details: Record<string, unknown> }[];
}

describe('removal on request', () => {
  it('is recorded once, dated today, audited by its own id; the next run on that day removes the actor, request and all', async () => {
    await load();
    const recorded = await recordRemovalRequest(t.db, { actorId: 7001, reason: 'letter 2026-117', by, today });
    expect(recorded.requestedOn).toBe(today);
    await expect(recordRemovalRequest(t.db, { actorId: 7001, reason: 'again', by, today })).rejects.toBeInstanceOf(RemovalRequestExistsError);
    const report = await getActorReport(t.db, 7001, today);
    expect(report.found && report.removal).toMatchObject({ due: true, date: today, reasons: [], requestedOn: today });
    const entries = await audit();
    expect(entries).toEqual([
      { action: 'removal_request.create', target_type: 'removal_request', target_id: recorded.requestId, target_label: `removal request of ${today}`, details: { requestedOn: today, reason: 'letter 2026-117' } },
    ]);
    expect(JSON.stringify(entries)).not.toContain('7001');

    const run = await runCleanup(t.db, { asOf: today, trigger: 'test' });
    expect(run.actorsRemoved).toBe(1);
    expect(run.actorsRemovedOnRequest).toBe(1);
    expect((await getActorReport(t.db, 7001, today)).found).toBe(false);
    const left = await t.db.$client.query(`select count(*)::int as n from removal_requests`);
    expect(left.rows[0].n).toBe(0);
    // The audit log keeps the entry, and nothing in it points to the removed customer.
    expect((await audit()).length).toBe(1);
  });

  it('approves the actor’s own removal for the circuit breaker: a scheduled run removes them without tripping', async () => {
    await load();
    await t.db.$client.query(`update cleanup_state set paused = false, tripped_at = null, trip = null, approved_actors_left = 0`);
    // Three actors: removing one is a third of the library, far beyond the breaker's 1 %.
    await recordRemovalRequest(t.db, { actorId: 7002, reason: 'letter 8', by, today });
    const outcome = await runScheduledCleanup(t.db, { asOf: today, trigger: 'schedule' });
    expect(outcome.ran).toBe(true);
    if (outcome.ran) expect(outcome.summary).toMatchObject({ actorsRemoved: 1, actorsRemovedOnRequest: 1 });
    const state = await t.db.$client.query(`select tripped_at, approved_actors_left from cleanup_state`);
    expect(state.rows[0]).toMatchObject({ tripped_at: null, approved_actors_left: 0 });
  });

  it('an open fine still keeps the actor; the request shows on the report', async () => {
    await load();
    await recordRemovalRequest(t.db, { actorId: 7003, reason: 'desk visit', by, today });
    const report = await getActorReport(t.db, 7003, today);
    expect(report.found && report.removal).toMatchObject({ due: false, date: null, reasons: [{ code: 'OPEN_FINANCIAL_ITEMS', until: null }], requestedOn: today });
    const run = await runCleanup(t.db, { asOf: today, trigger: 'test' });
    expect(run.actorsRemoved).toBe(0);
  });

  it('refuses an unknown actor and a bad reason, writing nothing', async () => {
    await load();
    await expect(recordRemovalRequest(t.db, { actorId: 99, reason: 'x', by, today })).rejects.toBeInstanceOf(ActorNotFoundError);
    for (const reason of ['', '   ', 'x'.repeat(1001), 'a\u0000b', 42, null]) {
      await expect(recordRemovalRequest(t.db, { actorId: 7002, reason, by, today })).rejects.toBeInstanceOf(RequestInputError);
    }
    expect(await audit()).toEqual([]);
  });
});

describe('legal hold', () => {
  it('is placed, changed and released, each audited by the hold’s id; while it holds nothing goes', async () => {
    await load();
    const placed = await setLegalHold(t.db, { actorId: 7002, until: null, reason: 'police request 12', by, today });
    expect(placed.changed).toBe('placed');
    await recordRemovalRequest(t.db, { actorId: 7002, reason: 'letter', by, today });
    let report = await getActorReport(t.db, 7002, today);
    expect(report.found && report.removal).toMatchObject({ due: false, date: null, reasons: [{ code: 'LEGAL_HOLD', until: null }] });
    const run = await runCleanup(t.db, { asOf: today, trigger: 'test' });
    expect(run.actorsRemoved).toBe(0);
    expect(run.skipped.LEGAL_HOLD).toBe(1);

    const changed = await setLegalHold(t.db, { actorId: 7002, until: '2027-03-01', reason: 'case closes in March', by, today });
    expect(changed).toMatchObject({ holdId: placed.holdId, changed: 'changed', until: '2027-03-01' });
    report = await getActorReport(t.db, 7002, today);
    expect(report.found && report.removal.reasons).toEqual([{ code: 'LEGAL_HOLD', until: '2027-03-01' }]);

    await expect(setLegalHold(t.db, { actorId: 7002, until: today, reason: 'x', by, today })).rejects.toMatchObject({ field: 'until' });
    await expect(setLegalHold(t.db, { actorId: 7002, until: '2027-02-30', reason: 'x', by, today })).rejects.toMatchObject({ field: 'until' });
    await releaseLegalHold(t.db, { actorId: 7002, reason: 'case closed', by });
    await expect(releaseLegalHold(t.db, { actorId: 7002, reason: 'again', by })).rejects.toBeInstanceOf(NoLegalHoldError);

    const entries = await audit();
    expect(entries.filter((e) => e.target_type === 'legal_hold').map((e) => [e.action, e.target_id, e.details])).toEqual([
      ['legal_hold.place', placed.holdId, { until: null, reason: 'police request 12' }],
      ['legal_hold.change', placed.holdId, { oldUntil: null, until: '2027-03-01', reason: 'case closes in March' }],
      ['legal_hold.release', placed.holdId, { until: '2027-03-01', reason: 'case closed' }],
    ]);
    expect(JSON.stringify(entries)).not.toContain('7002');
    // Released: the request applies again and the next run removes the actor.
    const after = await runCleanup(t.db, { asOf: today, trigger: 'test' });
    expect(after.actorsRemoved).toBe(1);
  });
});

describe('the command line', () => {
  it('request-removal and hold, with exit 2 for bad input', async () => {
    await load();
    const env = { RETENTION_TIME_ZONE: 'Europe/Amsterdam' };
    const o = { databaseUrl: t.url, env };
    expect((await runCli(['request-removal', '7001'], o)).code).toBe(2);
    expect((await runCli(['request-removal', '7001', '--reason', ''], o)).code).toBe(2);
    expect((await runCli(['request-removal', 'abc', '--reason', 'x'], o)).code).toBe(2);
    expect((await runCli(['request-removal', '99', '--reason', 'x'], o)).code).toBe(2);
    const ok = await runCli(['request-removal', '7001', '--reason', 'letter 5', '--json'], o);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ actorId: 7001, found: true, removal: { due: true } });
    const again = await runCli(['request-removal', '7001', '--reason', 'letter 6'], o);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already recorded/);

    expect((await runCli(['hold', '7002', '--reason', 'x', '--until', '2000-01-01'], o)).code).toBe(2);
    expect((await runCli(['hold', '7002', '--reason', 'x', '--until', '1899-01-01'], o)).code).toBe(2);
    expect((await runCli(['hold', '7002', '--release', '--until', '2030-01-01', '--reason', 'x'], o)).code).toBe(2);
    expect((await runCli(['hold', '7002', '--release', '--reason', 'nothing to release'], o)).code).toBe(2);
    const hold = await runCli(['hold', '7002', '--reason', 'court order 3'], o);
    expect(hold.code, hold.stderr).toBe(0);
    expect(hold.stdout).toMatch(/placed .* without an end date/);
    const change = await runCli(['hold', '7002', '--reason', 'court order 3', '--until', '2099-01-01'], o);
    expect(change.stdout).toMatch(/changed .* until 2099-01-01/);
    const release = await runCli(['hold', '7002', '--release', '--reason', 'lifted'], o);
    expect(release.code, release.stderr).toBe(0);
    const entries = await audit();
    expect(entries.map((e) => e.action)).toEqual(['removal_request.create', 'legal_hold.place', 'legal_hold.change', 'legal_hold.release']);
  }, 120_000);
});
