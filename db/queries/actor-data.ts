import { sql, type SQL } from 'drizzle-orm';
import { RECORD_TABLE_CATEGORIES } from '../../lib/retention/categories';
import type { ActorData } from '../../lib/retention/types';
import type pg from 'pg';
import type { DbOrTx } from '../client';
import { ACCESS_LOG_ASYNC_COMMIT } from '../../lib/access/access-log';

const recordSelects = RECORD_TABLE_CATEGORIES.map((category) => {
  const open = category === 'holds' || category === 'tickets' ? 'is_open' : 'false';
  return `'${category}', (select coalesce(json_agg(json_build_object('date', t.record_date, 'open', ${open}) order by t.record_date, t.id), '[]'::json)
             from ${category} t where t.actor_id = a.id)`;
}).join(',\n');

const ACTOR_DATA_SELECT = `
    select json_build_object(
      'actorId', a.id,
      'registeredOn', a.registered_on,
      'loanHistoryOptIn', a.loan_history_opt_in,
      'storedCancellationDate', a.cancellation_date,
      'hasPersonalDetails', (coalesce(a.name,'') <> '' or coalesce(a.street,'') <> '' or coalesce(a.postal_code,'') <> ''
                             or coalesce(a.city,'') <> '' or coalesce(a.district,'') <> '' or coalesce(a.email,'') <> ''
                             or coalesce(a.phone,'') <> ''),
      'roles', (select coalesce(json_agg(json_build_object('type', r.type, 'startDate', r.start_date, 'subtype', r.subtype, 'status', r.status,
                  'endDate', r.end_date, 'deregistrationDate', r.deregistration_date) order by r.id), '[]'::json)
                from roles r where r.actor_id = a.id),
      'otherRoles', (select coalesce(json_agg(json_build_object('kind', o.kind) order by o.id), '[]'::json)
                from other_roles o where o.actor_id = a.id),
      'blocks', (select coalesce(json_agg(json_build_object('type', b.type, 'createdOn', b.created_on) order by b.id), '[]'::json)
                from blocks b where b.actor_id = a.id),
      'credentials', (select coalesce(json_agg(json_build_object('sipPort', c.sip_port) order by c.id), '[]'::json)
                from credentials c where c.actor_id = a.id),
      'financial', (select coalesce(json_agg(json_build_object('bookedOn', f.booked_on, 'settled', f.settled, 'kind', f.kind, 'amountCents', f.amount_cents) order by f.booked_on, f.id), '[]'::json)
                from financial_items f where f.actor_id = a.id),
      'loans', (select coalesce(json_agg(json_build_object('returnedOn', l.returned_on, 'loanedOn', l.loaned_on, 'itemId', l.item_id) order by l.loaned_on, l.id), '[]'::json)
                from loans l where l.actor_id = a.id),
      'records', json_build_object(${recordSelects}),
      'removalRequestedOn', (select q.requested_on from removal_requests q where q.actor_id = a.id),
      'legalHold', (select json_build_object('until', h.until) from legal_holds h where h.actor_id = a.id)
    ) as data
    from actors a`;

/**
 * Everything the rules look at for one actor (and, for the timeline, a few fields no rule reads:
 * start dates, block dates, financial kinds and amounts, loan dates and items), in one round trip (json sub-selects served by the
 * per-table actor indexes). `undefined` when the actor does not exist (or was removed).
 */
export async function getActorData(db: DbOrTx, actorId: number): Promise<ActorData | undefined> {
  return (await selectActorData(db, sql`where a.id = ${actorId}`))[0];
}

/** ACTOR_DATA_SELECT with `rest` (its where clause, order and limit): each actor's data. */
async function selectActorData(db: DbOrTx, rest: SQL): Promise<ActorData[]> {
  const result = await db.execute<{ data: ActorData }>(sql`${sql.raw(ACTOR_DATA_SELECT)} ${rest}`);
  return result.rows.map((r) => r.data);
}

/**
 * getActorData for the next `limit` actors after `afterId`, in id order, in one query (keyset
 * paging, so sparse ids cost nothing): for work that walks the whole library with the rules engine
 * (the forecast).
 */
export async function getActorDataPage(db: DbOrTx, afterId: number, limit: number): Promise<ActorData[]> {
  return selectActorData(db, sql`where a.id > ${afterId} order by a.id limit ${limit}`);
}

/**
 * One actor's data and the settings, read in the statement that writes the access-log entry of the
 * lookup (a data-modifying WITH runs to its end whether read or not): the entry and the read commit
 * together, or neither. A named prepared statement, so each pooled connection plans it once (the
 * plan of the 20 json sub-selects costs about as much as running them). `$1` is the actor.
 */
const LOGGED_ACTOR_DATA = {
  name: 'retention-logged-actor-data',
  text: `with entry as (
      insert into access_log (actor_id, caller_kind, caller_id, caller_label, as_of, via) values ($1, $2, $3, $4, $5, $6) returning id)
    select (select count(*) from entry)::int as logged,
           (select coalesce(json_agg(json_build_object('name', s.name, 'value', s.value)), '[]'::json) from settings s) as settings,
           (${ACTOR_DATA_SELECT} where a.id = $1) as data`,
};

export type LoggedLookup = { actorId: number; callerKind: string; callerId: string; callerLabel: string; asOf: string; via: string };

/**
 * getActorData and the settings, with the lookup's access-log entry written in the same statement.
 *
 * The entry commits asynchronously (`synchronous_commit = off` for this transaction only, see
 * ACCESS_LOG_ASYNC_COMMIT): it is committed and visible before the report is returned, and the
 * report is not returned if the commit fails.
 */
export async function getActorDataLogged(pool: pg.Pool, lookup: LoggedLookup): Promise<{ data: ActorData | undefined; settings: { name: string; value: number }[] }> {
  const client = await pool.connect();
  let row: { logged: number; settings: { name: string; value: number }[]; data: ActorData | null } | undefined;
  try {
    await client.query(`begin; ${ACCESS_LOG_ASYNC_COMMIT}`);
    row = (await client.query<NonNullable<typeof row>>({
      ...LOGGED_ACTOR_DATA,
      values: [lookup.actorId, lookup.callerKind, lookup.callerId, lookup.callerLabel, lookup.asOf, lookup.via],
    })).rows[0];
    await client.query('commit');
    client.release();
  } catch (error) {
    // A connection left in a failed transaction is not given back to the pool: it is closed.
    client.release(true);
    throw error;
  }
  if (row?.logged !== 1) throw new Error('the access-log entry of the lookup was not written');
  return { data: row.data ?? undefined, settings: row.settings };
}

type Row = Record<string, unknown> & { actor_id: number };

/** Which actors a bulk load reads: the next `limit` after `afterId`, or the ones of `ids`. */
type ActorSet = { afterId: number; limit: number } | { ids: readonly number[] };

/** Rows of one table (`select … from <table> t`) for the actors of the set, grouped by actor, in `order` within each. */
async function groupedRows(db: DbOrTx, select: string, order: string, where: SQL): Promise<Map<number, Row[]>> {
  const rows = (await db.execute<Row>(sql`${sql.raw(select)} where ${where} order by t.actor_id, ${sql.raw(order)}`)).rows;
  const out = new Map<number, Row[]>();
  for (const r of rows) {
    const list = out.get(r.actor_id);
    if (list) list.push(r);
    else out.set(r.actor_id, [r]);
  }
  return out;
}

/**
 * What the rules read of the next `limit` actors after `afterId`, table by table: one range scan
 * per table for the whole page (by the per-table `(actor_id, …)` indexes) and the lists assembled
 * here, instead of a correlated sub-select per actor and table. For walking a large library with
 * the rules engine (the schedule's rebuild, the forecast of another day, the settings what-if).
 *
 * It is getActorDataPage without the fields only the timeline shows (block dates, financial kinds
 * and amounts, loan dates and items), and with each actor's lists in index order rather than the
 * timeline's: no rule reads those fields, and every rule counts, or takes the first or last date
 * of, a list, whatever its order (tests/actor-data-bulk.test.ts compares the two loaders on every
 * scenario actor, and tests/plan.test.ts the plans with the reports). Reading them took 40 % of the
 * loans' and financial records' reads when the schedule was planned.
 */
export async function getActorDataPageBulk(db: DbOrTx, afterId: number, limit: number): Promise<ActorData[]> {
  return getActorDataBulk(db, { afterId, limit });
}

/**
 * What the rules read of every actor of `ids` that exists, in id order, table by table as
 * getActorDataPageBulk (one index scan per table for the whole list): for planning the actors a
 * write touched (lib/cleanup/schedule.ts).
 */
export async function getActorDataForIds(db: DbOrTx, ids: readonly number[]): Promise<ActorData[]> {
  if (ids.length === 0) return [];
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  if (sorted.length <= FEW_ACTORS) return selectActorData(db, sql`where a.id = any(${toBigintArray(sorted)}::bigint[]) order by a.id`);
  return getActorDataBulk(db, { ids: sorted });
}

/**
 * Up to this many actors, getActorDataForIds reads them in one statement (a json sub-select per
 * table and actor, as getActorData) rather than one statement per table, 22 round trips whatever
 * their number: the few actors a run plans anew, or a forecast read plans on the fly. At 200,000
 * actors (medians, warm): 1 actor 5 ms against 17 ms, 15 actors 9 against 21 ms, 50 actors 17
 * against 25 ms; at 100 the two are even (31 and 36 ms).
 */
const FEW_ACTORS = 50;

const PERSONAL = sql.raw(`(coalesce(a.name,'') <> '' or coalesce(a.street,'') <> '' or coalesce(a.postal_code,'') <> '' or coalesce(a.city,'') <> ''
         or coalesce(a.district,'') <> '' or coalesce(a.email,'') <> '' or coalesce(a.phone,'') <> '')`);

async function getActorDataBulk(db: DbOrTx, set: ActorSet): Promise<ActorData[]> {
  type ActorRow = { id: number; registered_on: string; loan_history_opt_in: boolean; cancellation_date: string | null; personal: boolean };
  const head = sql`select a.id, a.registered_on, a.loan_history_opt_in, a.cancellation_date, ${PERSONAL} as personal from actors a`;
  const actors = (
    await db.execute<ActorRow>(
      'ids' in set
        ? sql`${head} where a.id = any(${toBigintArray(set.ids)}::bigint[]) order by a.id`
        : sql`${head} where a.id > ${set.afterId} order by a.id limit ${set.limit}`,
    )
  ).rows;
  if (actors.length === 0) return [];
  const lo = actors[0]!.id;
  const hi = actors.at(-1)!.id;
  // A page of consecutive actors is one range of each table's index; a list of ids, one lookup each.
  const where = 'ids' in set ? sql`t.actor_id = any(${toBigintArray(actors.map((a) => a.id))}::bigint[])` : sql`t.actor_id between ${lo} and ${hi}`;
  const q = (select: string, order: string) => groupedRows(db, select, order, where);
  // One after the other: the page is read on one connection (a transaction's snapshot). Each list
  // in the order of its table's actor index (no sort); the small tables by id.
  const tables: Map<number, Row[]>[] = [];
  for (const load of [
    () => q('select t.actor_id, t.type, t.start_date, t.subtype, t.status, t.end_date, t.deregistration_date from roles t', 't.id'),
    () => q('select t.actor_id, t.kind from other_roles t', 't.id'),
    () => q('select t.actor_id, t.type from blocks t', 't.id'),
    () => q('select t.actor_id, t.sip_port from credentials t', 't.id'),
    () => q('select t.actor_id, t.booked_on, t.settled from financial_items t', 't.booked_on'),
    () => q('select t.actor_id, t.returned_on from loans t', 't.returned_on'),
    () => q('select t.actor_id, t.requested_on from removal_requests t', 't.actor_id'),
    () => q('select t.actor_id, t.until from legal_holds t', 't.actor_id'),
    ...RECORD_TABLE_CATEGORIES.map((c) =>
      () => q(`select t.actor_id, t.record_date, ${c === 'holds' || c === 'tickets' ? 't.is_open' : 'false'} as is_open from ${c} t`, 't.record_date'),
    ),
  ])
    tables.push(await load());

  const [roles, otherRoles, blocks, credentials, financial, loans, requests, holds, ...records] = tables as Map<number, Row[]>[] & { length: 8 };
  return actors.map((a) => {
    const of = (m: Map<number, Row[]> | undefined) => m?.get(a.id) ?? [];
    const recordLists = Object.fromEntries(
      RECORD_TABLE_CATEGORIES.map((c, i) => [c, of(records[i]!).map((r) => ({ date: r.record_date as string, open: r.is_open as boolean }))]),
    ) as ActorData['records'];
    const hold = of(holds)[0];
    return {
      actorId: a.id,
      registeredOn: a.registered_on,
      loanHistoryOptIn: a.loan_history_opt_in,
      storedCancellationDate: a.cancellation_date,
      hasPersonalDetails: a.personal,
      roles: of(roles).map((r) => ({
        type: r.type as string,
        startDate: r.start_date as string | null,
        subtype: r.subtype as string | null,
        status: r.status as number,
        endDate: r.end_date as string | null,
        deregistrationDate: r.deregistration_date as string | null,
      })),
      otherRoles: of(otherRoles).map((r) => ({ kind: r.kind as ActorData['otherRoles'][number]['kind'] })),
      blocks: of(blocks).map((r) => ({ type: r.type as string })),
      credentials: of(credentials).map((r) => ({ sipPort: r.sip_port as boolean })),
      financial: of(financial).map((r) => ({ bookedOn: r.booked_on as string, settled: r.settled as boolean })),
      loans: of(loans).map((r) => ({ returnedOn: r.returned_on as string | null })),
      records: recordLists,
      removalRequestedOn: (of(requests)[0]?.requested_on as string | undefined) ?? null,
      legalHold: hold ? { until: hold.until as string | null } : null,
    };
  });
}

/** A JavaScript list of ids as a PostgreSQL array literal (one parameter, any length). */
function toBigintArray(ids: readonly number[]): string {
  return `{${ids.join(',')}}`;
}
