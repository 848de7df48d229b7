import { describe, expect, it } from 'vitest';
import { getActorReport, getActorReportLogged } from '@/lib/actors/get-actor-report';
import { generateScenario } from '@/lib/demo/generate-scenario';
import { TYPICAL_SETTINGS } from '@/lib/retention/settings';
import { loadScenario } from '@/lib/scenario/load';
import { setupTestDatabase } from './helpers/db';

/*
 * The lookup of GET actors/<id>/retention (and the requests' answers): the access-log entry and the
 * read are one statement, so a report is never returned without its entry.
 */

const t = await setupTestDatabase('report_logged');
const asOf = '2026-12-06';
const library = generateScenario({ actors: 40, seed: 5, today: asOf, settings: TYPICAL_SETTINGS });
await loadScenario(t.db, library, { replace: true, by: 'test', reason: 'logged lookup test' });
const caller = { kind: 'token' as const, tokenId: 'tok-1', name: 'nightly script', role: 'support' as const, instanceId: null };
const entries = async () =>
  (await t.db.$client.query(`select caller_kind, caller_id, caller_label, actor_id, as_of, via from access_log order by id`)).rows;

describe('a logged lookup of one actor', () => {
  it('returns the report the rules give and writes one entry with who, which actor, the day asked for and the channel', async () => {
    await t.db.$client.query('delete from access_log');
    for (const actor of library.actors.slice(0, 10)) {
      expect(await getActorReportLogged(t.db, { caller, actorId: actor.actorId, asOf, via: 'api' })).toEqual(await getActorReport(t.db, actor.actorId, asOf));
    }
    const rows = await entries();
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({ caller_kind: 'token', caller_id: 'tok-1', caller_label: 'nightly script', actor_id: library.actors[0]!.actorId, as_of: asOf, via: 'api' });
  });

  it('logs the lookup of an unknown actor too, and answers found: false', async () => {
    await t.db.$client.query('delete from access_log');
    expect(await getActorReportLogged(t.db, { caller, actorId: 987654321, asOf: '2027-01-31', via: 'api' })).toEqual({ actorId: 987654321, asOf: '2027-01-31', found: false });
    expect(await entries()).toEqual([{ caller_kind: 'token', caller_id: 'tok-1', caller_label: 'nightly script', actor_id: 987654321, as_of: '2027-01-31', via: 'api' }]);
  });

  it('reads the settings in force: a change shows in the next lookup on the same prepared statement', async () => {
    // An actor with a returned loan: its day of going depends on historyMonths.
    const actorId = library.actors.find((a) => a.loans?.some((l) => l.returnedOn))!.actorId;
    const before = await getActorReportLogged(t.db, { caller, actorId, asOf, via: 'api' });
    // Written straight into the table, as another process would.
    await t.db.$client.query(`update settings set value = 0 where name = 'historyMonths'`);
    try {
      const after = await getActorReportLogged(t.db, { caller, actorId, asOf, via: 'api' });
      expect(after).toEqual(await getActorReport(t.db, actorId, asOf));
      expect(after).not.toEqual(before);
    } finally {
      await t.db.$client.query(`update settings set value = $1 where name = 'historyMonths'`, [TYPICAL_SETTINGS.historyMonths]);
    }
  });

  it('returns nothing when the entry cannot be written: the read fails with it', async () => {
    await t.db.$client.query('delete from access_log');
    const bad = { ...caller, name: 'nul\u0000in a label' };
    await expect(getActorReportLogged(t.db, { caller: bad, actorId: library.actors[0]!.actorId, asOf, via: 'api' })).rejects.toThrow();
    expect(await entries()).toEqual([]);
  });
});
