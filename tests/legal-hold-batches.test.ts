import { describe, expect, it } from 'vitest';
import { runCleanup } from '@/lib/cleanup/run';
import { TYPICAL_SETTINGS } from '@/lib/retention/settings';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText } from '@/lib/scenario/schema';
import { setupTestDatabase } from './helpers/db';

/*
 * A legal hold keeps every record of its actor in every kind of batch: a dense one (consecutive
 * actors, each table's index walked over the range), a sparse one of the schedule's actors (each
 * table looked up for the actors whose plans name it, loans and financial records in two parts by a
 * flag), and both kinds in the settings what-if (an unrecorded dry run walking the library). A rule
 * whose predicate is on the record alone (an age rule) deletes without a join to the batch row
 * (statements.ts, onlyNotHeld): the hold must come with the list of actors. In the runs the holds
 * are placed behind the schedule's back, so the plans still call the held actors due and put them
 * in the batch, where only the rows can keep them.
 */

const t = await setupTestDatabase('legal_hold_batches');
const asOf = '2026-12-01';
const old = '2019-01-10';

/** An ended membership with old records in the age-only categories, financial records and loans. */
function actor(actorId: number, held: boolean) {
  return {
    actorId,
    registeredOn: '2012-01-01',
    loanHistoryOptIn: actorId % 2 === 0,
    roles: [{ instanceId: 1, type: 'ABON', status: 9, startDate: '2012-01-01', endDate: '2026-06-30' }],
    financial: [
      { kind: 'fine', bookedOn: '2018-03-01', amountCents: 150, settled: true },
      { kind: 'membership_fee', bookedOn: '2018-05-01', amountCents: 2500, settled: true },
    ],
    loans: [{ instanceId: 1, itemId: `I-${actorId}`, loanedOn: '2019-01-02', returnedOn: old }],
    records: {
      customer_notifications: [{ date: old }],
      marketing: [{ date: old }],
      instance_history: [{ date: old }],
      ksm: [{ date: old }],
      to_inform: [{ date: old }],
      holds: [{ date: old, open: false }],
      tickets: [{ date: old, open: false }],
      account_changes: [{ date: '2018-01-10' }],
    },
    ...(held ? { legalHold: { until: null, reason: 'court order' } } : {}),
  };
}

const AGE_TABLES = ['customer_notifications', 'marketing', 'instance_history', 'ksm', 'to_inform', 'holds', 'tickets', 'account_changes'];

async function load(ids: number[], held: (id: number) => boolean) {
  const scenario = parseScenarioText(
    JSON.stringify({ settings: TYPICAL_SETTINGS, instances: [{ id: 1, name: 'Test library' }], actors: ids.map((id) => actor(id, held(id))) }),
  );
  await loadScenario(t.db, scenario, { replace: true, by: 'test', reason: 'legal hold batches test', planFor: asOf });
}

/** Per actor: how many rows it still has in the age-only tables, financial records and loans. */
async function rowsOf(ids: number[]): Promise<Map<number, { age: number; financial: number; loans: number }>> {
  const out = new Map(ids.map((id) => [id, { age: 0, financial: 0, loans: 0 }]));
  for (const table of AGE_TABLES) {
    const r = await t.db.$client.query<{ actor_id: string; n: number }>(`select actor_id, count(*)::int as n from ${table} group by 1`);
    for (const row of r.rows) out.get(Number(row.actor_id))!.age += row.n;
  }
  const f = await t.db.$client.query<{ actor_id: string; n: number }>(`select actor_id, count(*)::int as n from financial_items group by 1`);
  for (const row of f.rows) out.get(Number(row.actor_id))!.financial = row.n;
  const l = await t.db.$client.query<{ actor_id: string; n: number }>(`select actor_id, count(*)::int as n from loans where actor_id is not null group by 1`);
  for (const row of l.rows) out.get(Number(row.actor_id))!.loans = row.n;
  return out;
}

/**
 * Places the holds behind the schedule's back (`retention.quiet`, as the run's own writes), so
 * that the plans still name the held actors as due and the batch holds them: the rows decide.
 */
async function holdQuietly(ids: number[]) {
  const client = await t.db.$client.connect();
  try {
    await client.query('begin');
    await client.query(`set local retention.quiet = 'on'`);
    await client.query(`insert into legal_holds (actor_id, until, reason, placed_by) select unnest($1::bigint[]), null, 'court order', 'test'`, [ids]);
    await client.query('commit');
  } finally {
    client.release();
  }
}

const KINDS: [string, number[]][] = [
  ['a dense batch (consecutive actors)', Array.from({ length: 24 }, (_, i) => 5001 + i)],
  ['a sparse batch (actors far apart)', Array.from({ length: 24 }, (_, i) => 10001 + i * 97)],
];

describe('a legal hold in every kind of batch', () => {
  it.each(KINDS)('%s of a run: the held actors keep every record, the others are worked', async (_, ids) => {
    const held = (id: number) => ids.indexOf(id) % 3 === 0;
    await load(ids, () => false);
    await holdQuietly(ids.filter(held));
    const run = await runCleanup(t.db, { asOf, trigger: 'test' });
    expect(run.errors).toBe(0);
    // The held actors were in the batch: the plans said they were due.
    expect(run.actorsExamined).toBe(ids.length);
    const rows = await rowsOf(ids);
    for (const id of ids) {
      if (held(id)) expect(rows.get(id), `held actor ${id}`).toEqual({ age: AGE_TABLES.length, financial: 2, loans: 1 });
      else expect(rows.get(id), `actor ${id}`).toEqual({ age: 0, financial: 0, loans: 0 });
    }
  });

  it.each(KINDS)('%s of the settings what-if (an unrecorded dry run) counts nothing of the held actors', async (_, ids) => {
    const held = (id: number) => ids.indexOf(id) % 3 === 0;
    await load(ids, held);
    const free = ids.filter((id) => !held(id)).length;
    const what = await runCleanup(t.db, { asOf, trigger: 'test', dryRun: true, recordRun: false, settings: TYPICAL_SETTINGS });
    expect(what.actorsExamined).toBe(ids.length);
    const n = (c: string) => (what.records[c]?.deleted ?? 0) + (what.records[c]?.anonymized ?? 0);
    for (const table of AGE_TABLES) expect(n(table), table).toBe(free);
    expect(n('financial_transactions')).toBe(2 * free);
    expect(n('loan_history')).toBe(free);
    const rows = await rowsOf(ids);
    for (const id of ids) expect(rows.get(id)).toEqual({ age: AGE_TABLES.length, financial: 2, loans: 1 });
  });
});
