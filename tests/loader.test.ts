import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, LibraryNotEmptyError } from '@/lib/scenario/load';
import { parseScenarioText, ScenarioError } from '@/lib/scenario/schema';
import { setupTestDatabase } from './helpers/db';
import { SCENARIO_DIR } from './helpers/cli';

const t = await setupTestDatabase('loader');
const seedText = fs.readFileSync(path.join(SCENARIO_DIR, 'seed-example.json'), 'utf8');
const seed = () => JSON.parse(seedText) as Record<string, any>;

async function snapshot() {
  const r = await t.db.$client.query(`select
    (select count(*) from actors)::int as actors, (select count(*) from loans)::int as loans,
    (select count(*) from financial_items)::int as financial, (select count(*) from settings_audit)::int as audit,
    (select json_agg(json_build_object(name, value) order by name) from settings) as settings`);
  return r.rows[0];
}

function problemOf(text: string): { path: string; message: string } {
  try {
    parseScenarioText(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).problems[0]!;
  }
  throw new Error('expected the scenario to be rejected');
}

const mutate = (fn: (s: Record<string, any>) => void) => {
  const s = seed();
  fn(s);
  return JSON.stringify(s);
};

describe('the scenario schema names the JSON path at fault', () => {
  it.each<[string, string, string | RegExp]>([
    ['empty file', '', '(root)'],
    ['whitespace only', '  \n', '(root)'],
    ['truncated file', seedText.slice(0, 500), '(root)'],
    ['not JSON', 'actorId,registeredOn\n1,2020-01-01', '(root)'],
    ['JSON null', 'null', '(root)'],
    ['an array', '[]', '(root)'],
    ['NaN', '{"settings":{"historyMonths":NaN}}', '(root)'],
    ['extra top-level key', mutate((s) => (s.extra = 1)), '(root)'],
    ['extra actor key', mutate((s) => (s.actors[0].nickname = 'x')), 'actors[0]'],
    ['__proto__ key', mutate((s) => Object.defineProperty(s.actors[0], '__proto__', { value: { admin: true }, enumerable: true })), 'actors[0]'],
    ['missing registeredOn', mutate((s) => delete s.actors[0].registeredOn), 'actors[0].registeredOn'],
    ['missing actorId', mutate((s) => delete s.actors[1].actorId), 'actors[1].actorId'],
    ['actorId as string', mutate((s) => (s.actors[0].actorId = '1001')), 'actors[0].actorId'],
    ['actorId 0', mutate((s) => (s.actors[0].actorId = 0)), 'actors[0].actorId'],
    ['actorId fractional', mutate((s) => (s.actors[0].actorId = 1.5)), 'actors[0].actorId'],
    ['duplicate actor ids', mutate((s) => (s.actors[1].actorId = 1001)), 'actors[1].actorId'],
    ['null settings value', mutate((s) => (s.settings.historyMonths = null)), 'settings.historyMonths'],
    ['negative months', mutate((s) => (s.settings.historyMonths = -1)), 'settings.historyMonths'],
    ['fractional months', mutate((s) => (s.settings.financialMonths = 1.5)), 'settings.financialMonths'],
    ['huge months', mutate((s) => (s.settings.inactiveActorMonths = 1201)), 'settings.inactiveActorMonths'],
    ['huge days', mutate((s) => (s.settings.optOutLoanDays = 36501)), 'settings.optOutLoanDays'],
    ['1e308 months', mutate((s) => (s.settings.personalDataMonths = 1e308)), 'settings.personalDataMonths'],
    ['unknown setting', mutate((s) => (s.settings.retentionYears = 2)), 'settings'],
    ['months as string', mutate((s) => (s.settings.historyMonths = '24')), 'settings.historyMonths'],
    ['2026-02-30', mutate((s) => (s.actors[0].roles[0].endDate = '2026-02-30')), 'actors[0].roles[0].endDate'],
    ['2026-13-01', mutate((s) => (s.actors[0].registeredOn = '2026-13-01')), 'actors[0].registeredOn'],
    ['date with time', mutate((s) => (s.actors[0].loans[0].returnedOn = '2015-03-31T10:00:00Z')), 'actors[0].loans[0].returnedOn'],
    ['unknown instance on a role', mutate((s) => (s.actors[0].roles[0].instanceId = 99)), 'actors[0].roles[0].instanceId'],
    ['unknown instance on a loan', mutate((s) => (s.actors[1].loans[2].instanceId = 2)), 'actors[1].loans[2].instanceId'],
    ['duplicate instance ids', mutate((s) => s.instances.push({ id: 1, name: 'Twee' })), 'instances[1].id'],
    ['unknown category', mutate((s) => (s.actors[0].records.wishlists = [])), 'actors[0].records'],
    ['loans under records', mutate((s) => (s.actors[0].records.loan_history = [])), 'actors[0].records'],
    ['unknown other-role kind', mutate((s) => (s.actors[0].otherRoles = [{ kind: 'janitor' }])), 'actors[0].otherRoles[0].kind'],
    ['lower-case role type', mutate((s) => (s.actors[0].roles[0].type = 'abon')), 'actors[0].roles[0].type'],
    ['open on a category that cannot be open', mutate((s) => (s.actors[0].records.documents[0].open = true)), 'actors[0].records.documents[0].open'],
    ['wrong type for settled', mutate((s) => (s.actors[0].financial[0].settled = 'yes')), 'actors[0].financial[0].settled'],
    ['a megabyte string', mutate((s) => (s.actors[0].personal.name = 'x'.repeat(1024 * 1024))), 'actors[0].personal.name'],
    ['relatedActorId negative', mutate((s) => (s.actors[0].records.relationships = [{ date: '2016-01-01', relatedActorId: -4 }])), 'actors[0].records.relationships[0].relatedActorId'],
    ['actors not an array', mutate((s) => (s.actors = {})), 'actors'],
    ['removal request not a date', mutate((s) => (s.actors[0].removalRequestedOn = '2025-02-30')), 'actors[0].removalRequestedOn'],
    ['removal request in 1899', mutate((s) => (s.actors[0].removalRequestedOn = '1899-12-31')), 'actors[0].removalRequestedOn'],
    ['removal request null', mutate((s) => (s.actors[0].removalRequestedOn = null)), 'actors[0].removalRequestedOn'],
    ['legal hold without reason', mutate((s) => (s.actors[0].legalHold = { until: null })), 'actors[0].legalHold.reason'],
    ['legal hold with an empty reason', mutate((s) => (s.actors[0].legalHold = { until: null, reason: '' })), 'actors[0].legalHold.reason'],
    ['legal hold reason over 1,000 characters', mutate((s) => (s.actors[0].legalHold = { until: null, reason: 'x'.repeat(1001) })), 'actors[0].legalHold.reason'],
    ['legal hold reason with NUL', mutate((s) => (s.actors[0].legalHold = { until: null, reason: 'court\u0000order' })), 'actors[0].legalHold.reason'],
    ['legal hold until not a date', mutate((s) => (s.actors[0].legalHold = { until: '2027-13-01', reason: 'dispute' })), 'actors[0].legalHold.until'],
    ['legal hold without until', mutate((s) => (s.actors[0].legalHold = { reason: 'dispute' })), 'actors[0].legalHold.until'],
    ['legal hold extra key', mutate((s) => (s.actors[0].legalHold = { until: null, reason: 'dispute', by: 'x' })), 'actors[0].legalHold'],
  ])('%s', (_name, text, expectedPath) => {
    const problem = problemOf(text);
    if (typeof expectedPath === 'string') expect(problem.path).toBe(expectedPath);
    else expect(problem.path).toMatch(expectedPath);
    expect(problem.message.length).toBeGreaterThan(0);
  });

  it('accepts every public scenario file', () => {
    for (const f of fs.readdirSync(SCENARIO_DIR).filter((n) => n.endsWith('.json'))) {
      expect(() => parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, f), 'utf8'))).not.toThrow();
    }
  });
});

function problemsOf(text: string): { path: string; message: string }[] {
  try {
    parseScenarioText(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).problems;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('bad input that PostgreSQL or the date arithmetic would break on is refused, naming the path', () => {
  it('an instance id above 2,147,483,647 (the integer column), on the instance and on every role and loan naming it', () => {
    const text = mutate((s) => {
      s.instances[0].id = 2147483648;
      for (const actor of s.actors) {
        for (const role of actor.roles) role.instanceId = 2147483648;
        for (const loan of actor.loans) loan.instanceId = 2147483648;
      }
    });
    const paths = problemsOf(text).map((p) => p.path);
    expect(paths[0]).toBe('instances[0].id');
    expect(paths).toContain('actors[0].roles[0].instanceId');
    expect(paths).toContain('actors[0].loans[0].instanceId');
    expect(problemsOf(text)[0]!.message).toMatch(/2147483647/);
  });

  it('accepts instance id 2,147,483,647 and loads it', async () => {
    const text = mutate((s) => {
      s.instances[0].id = 2147483647;
      for (const actor of s.actors) {
        for (const role of actor.roles) role.instanceId = 2147483647;
        for (const loan of actor.loans) loan.instanceId = 2147483647;
      }
    });
    await loadScenario(t.db, parseScenarioText(text), { replace: true, by: 'test', reason: 'largest instance id' });
    const r = await t.db.$client.query('select id from instances');
    expect(r.rows).toEqual([{ id: 2147483647 }]);
  });

  it.each<[string, (s: Record<string, any>) => void, string]>([
    ['actor id above 2^53 − 1 (bigint column, read as a safe integer)', (s) => (s.actors[0].actorId = 2 ** 53), 'actors[0].actorId'],
    ['relatedActorId above 2^53 − 1', (s) => (s.actors[0].records.relationships = [{ date: '2016-01-01', relatedActorId: 2 ** 53 }]), 'actors[0].records.relationships[0].relatedActorId'],
    ['role status above the integer column', (s) => (s.actors[0].roles[0].status = 2147483648), 'actors[0].roles[0].status'],
    ['amount above the integer column', (s) => (s.actors[0].financial[0].amountCents = 2147483648), 'actors[0].financial[0].amountCents'],
  ])('%s', (_name, fn, expectedPath) => {
    expect(problemsOf(mutate(fn))[0]!.path).toBe(expectedPath);
  });

  it.each<[string, (s: Record<string, any>) => void, string]>([
    ['a name', (s) => (s.actors[0].personal.name = 'Jan\u0000de Vries'), 'actors[0].personal.name'],
    ['a street', (s) => (s.actors[0].personal.street = '\u0000'), 'actors[0].personal.street'],
    ['an email', (s) => (s.actors[1].personal = { email: 'a\u0000@example.org' }), 'actors[1].personal.email'],
    ['an itemId', (s) => (s.actors[0].loans[0].itemId = 'B-1\u0000'), 'actors[0].loans[0].itemId'],
    ['a financial kind', (s) => (s.actors[0].financial[0].kind = 'fine\u0000'), 'actors[0].financial[0].kind'],
    ['a username', (s) => (s.actors[0].credentials[0].username = 'j\u0000devries'), 'actors[0].credentials[0].username'],
    ['a role subtype', (s) => (s.actors[0].roles[0].subtype = 'x\u0000'), 'actors[0].roles[0].subtype'],
    ['an instance name', (s) => (s.instances[0].name = 'Bibliotheek\u0000'), 'instances[0].name'],
    ['the description', (s) => (s.description = 'a \u0000 in free text'), 'description'],
  ])('a NUL character in %s', (_name, fn, expectedPath) => {
    const problem = problemsOf(mutate(fn))[0]!;
    expect(problem.path).toBe(expectedPath);
    expect(problem.message).toMatch(/NUL/);
  });

  it.each<[string, (s: Record<string, any>, d: string) => void, string]>([
    ['registeredOn', (s, d) => (s.actors[0].registeredOn = d), 'actors[0].registeredOn'],
    ['a role endDate', (s, d) => (s.actors[0].roles[0].endDate = d), 'actors[0].roles[0].endDate'],
    ['a loan date', (s, d) => (s.actors[1].loans[0].loanedOn = d), 'actors[1].loans[0].loanedOn'],
    ['a financial date', (s, d) => (s.actors[0].financial[0].bookedOn = d), 'actors[0].financial[0].bookedOn'],
    ['a block date', (s, d) => (s.actors[0].blocks[0].createdOn = d), 'actors[0].blocks[0].createdOn'],
    ['a record date', (s, d) => (s.actors[0].records.documents[0].date = d), 'actors[0].records.documents[0].date'],
  ])('a date outside the years 1900 to 2200 in %s', (_name, fn, expectedPath) => {
    for (const date of ['1899-12-31', '2201-01-01', '0001-01-01', '9999-12-31']) {
      const problem = problemsOf(mutate((s) => fn(s, date)))[0]!;
      expect(problem.path, date).toBe(expectedPath);
      expect(problem.message, date).toMatch(/1900 to 2200/);
    }
  });

  it('accepts 1900-01-01 and 2200-12-31 and loads them', async () => {
    const text = mutate((s) => {
      s.actors[0].registeredOn = '1900-01-01';
      s.actors[0].roles[0].startDate = '1900-01-01';
      s.actors[0].records.documents[0].date = '2200-12-31';
      s.actors[1].loans[0].returnedOn = '2200-12-31';
    });
    await loadScenario(t.db, parseScenarioText(text), { replace: true, by: 'test', reason: 'edge dates' });
    const r = await t.db.$client.query(`select registered_on::text as d from actors where id = 1001
      union all select max(record_date)::text from documents`);
    expect(r.rows.map((row) => row.d)).toEqual(['1900-01-01', '2200-12-31']);
  });
});

describe('loading', () => {
  beforeAll(async () => {
    await loadScenario(t.db, parseScenarioText(seedText), { replace: true, by: 'test', reason: 'first load' });
  });

  it('refuses without --replace when actor data exists, and changes nothing', async () => {
    const before = await snapshot();
    await expect(loadScenario(t.db, parseScenarioText(seedText), { replace: false, by: 'test', reason: 'x' })).rejects.toBeInstanceOf(LibraryNotEmptyError);
    expect(await snapshot()).toEqual(before);
  });

  it('stores SQL and HTML in text fields verbatim, as data', async () => {
    const text = mutate((s) => {
      s.actors[0].personal.name = "Robert'); DROP TABLE actors;--";
      s.actors[0].personal.city = '<script>alert(1)</script>';
    });
    await loadScenario(t.db, parseScenarioText(text), { replace: true, by: 'test', reason: 'x' });
    const r = await t.db.$client.query('select name, city from actors where id = 1001');
    expect(r.rows[0]).toEqual({ name: "Robert'); DROP TABLE actors;--", city: '<script>alert(1)</script>' });
  });

  it('writes the settings it gives to the audit log, with old and new value', async () => {
    const text = mutate((s) => (s.settings.historyMonths = 36));
    await loadScenario(t.db, parseScenarioText(text), { replace: true, by: 'cli load', reason: 'changed history' });
    const r = await t.db.$client.query(`select setting, old_value, new_value, changed_by, reason from settings_audit order by id desc limit 1`);
    expect(r.rows[0]).toEqual({ setting: 'historyMonths', old_value: 24, new_value: 36, changed_by: 'cli load', reason: 'changed history' });
  });

  it('keeps the settings audit log append-only', async () => {
    await expect(t.db.$client.query('delete from settings_audit')).rejects.toThrow(/append-only/);
    await expect(t.db.$client.query(`update settings_audit set reason = 'x'`)).rejects.toThrow(/append-only/);
  });

  it('rolls back a load that fails half-way: nothing is written', async () => {
    const before = await snapshot();
    // A value the schema would have refused, slipped in after validation: the database refuses it
    // half-way through the load, after the old data was cleared and new rows were inserted.
    const scenario = parseScenarioText(seedText);
    (scenario.actors[1] as { registeredOn: string }).registeredOn = 'not-a-date';
    await expect(loadScenario(t.db, scenario, { replace: true, by: 'test', reason: 'x' })).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});
