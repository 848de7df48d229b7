import { sql } from 'drizzle-orm';
import { RECORD_TABLE_CATEGORIES } from '../../lib/retention/categories';
import type { ActorData } from '../../lib/retention/types';
import type { DbOrTx } from '../client';

const recordSelects = RECORD_TABLE_CATEGORIES.map((category) => {
  const open = category === 'holds' || category === 'tickets' ? 'is_open' : 'false';
  return `'${category}', (select coalesce(json_agg(json_build_object('date', t.record_date, 'open', ${open}) order by t.record_date), '[]'::json)
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
  const result = await db.execute<{ data: ActorData }>(sql`${sql.raw(`${ACTOR_DATA_SELECT} where a.id = `)}${actorId}`);
  return result.rows[0]?.data;
}

/**
 * getActorData for the next `limit` actors after `afterId`, in id order, in one query (keyset
 * paging, so sparse ids cost nothing): for work that walks the whole library with the rules engine
 * (the forecast).
 */
export async function getActorDataPage(db: DbOrTx, afterId: number, limit: number): Promise<ActorData[]> {
  const result = await db.execute<{ data: ActorData }>(
    sql`${sql.raw(`${ACTOR_DATA_SELECT} where a.id > `)}${afterId}${sql.raw(' order by a.id limit ')}${limit}`,
  );
  return result.rows.map((r) => r.data);
}
