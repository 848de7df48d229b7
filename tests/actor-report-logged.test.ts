import { describe, expect, it, vi } from 'vitest';
import { recordActorLookup } from '@/lib/access/access-log';
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
/** No pooled connection has synchronous_commit set for its session: the server's own default (which the test server may set) holds. */
const expectNoSessionSynchronousCommit = async () => {
  const clients = await Promise.all([t.db.$client.connect(), t.db.$client.connect()]);
  try {
    for (const c of clients) expect((await c.query(`select source from pg_settings where name = 'synchronous_commit'`)).rows[0].source).not.toBe('session');
  } finally {
    for (const c of clients) c.release();
  }
};

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

  it('commits the entry without waiting for the disk, in its own transaction, and leaves the connection as it was', async () => {
    await t.db.$client.query('delete from access_log');
    const sent: string[] = [];
    const connect = t.db.$client.connect.bind(t.db.$client);
    const spy = vi.spyOn(t.db.$client, 'connect').mockImplementation((async () => {
      const client = await connect();
      const query = client.query.bind(client);
      vi.spyOn(client, 'query').mockImplementation(((q: string | { text: string }, ...rest: unknown[]) => {
        sent.push(typeof q === 'string' ? q : q.text);
        return (query as (...a: unknown[]) => unknown)(q, ...rest);
      }) as never);
      client.once('release', () => vi.mocked(client.query).mockRestore());
      return client;
    }) as never);
    try {
      await getActorReportLogged(t.db, { caller, actorId: library.actors[1]!.actorId, asOf, via: 'api' });
    } finally {
      spy.mockRestore();
    }
    expect(sent[0]).toBe('begin; set local synchronous_commit = off');
    expect(sent[1]).toContain('insert into access_log');
    expect(sent[2]).toBe('commit');
    expect(await entries()).toHaveLength(1);
    // `set local`: every pooled connection still commits as configured for the other writes.
    await expectNoSessionSynchronousCommit();
  });

  it('a failed entry leaves no transaction open: the next lookups on the same pool work', async () => {
    await t.db.$client.query('delete from access_log');
    const bad = { ...caller, name: 'nul\u0000in a label' };
    for (let i = 0; i < 3; i++) await expect(getActorReportLogged(t.db, { caller: bad, actorId: library.actors[0]!.actorId, asOf, via: 'api' })).rejects.toThrow();
    for (const actor of library.actors.slice(0, 3)) expect((await getActorReportLogged(t.db, { caller, actorId: actor.actorId, asOf, via: 'api' })).found).toBe(true);
    expect(await entries()).toHaveLength(3);
    const open = await t.db.$client.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`);
    expect(open.rows[0].n).toBe(0);
  });

  it('the screen\'s lookup (recordActorLookup) writes one entry in its own asynchronous commit, and the setting does not outlive it', async () => {
    await t.db.$client.query('delete from access_log');
    await recordActorLookup(t.db, { caller, actorId: library.actors[2]!.actorId, asOf, via: 'screen' });
    expect(await entries()).toEqual([{ caller_kind: 'token', caller_id: 'tok-1', caller_label: 'nightly script', actor_id: library.actors[2]!.actorId, as_of: asOf, via: 'screen' }]);
    await expectNoSessionSynchronousCommit();
  });
});
