import { CATEGORIES, RECORD_TABLE_CATEGORIES, type CategoryId } from '../retention/categories';
import type { IsoDate } from '../retention/dates';
import { lit } from './statements';

/*
 * Phase 3 of a batch (lib/cleanup/batch.ts): the removal of the actors free of every deletion
 * condition, after phases 1 and 2 of statements.ts in the same transaction.
 */

/**
 * Phase 3: removes the actors of $1 (ids, all locked by this transaction and free of every
 * deletion condition): their remaining loans are anonymized, every other record deleted,
 * relationships of other actors and access-log entries lose the link. Returns the count per
 * category. The actor rows themselves are deleted by REMOVE_ACTORS_SQL afterwards, so that the
 * foreign keys (no cascade anywhere) prove nothing of theirs is left.
 */
export function removeRecordsSql(asOf: IsoDate): string {
  // `of`: each table is also given the ids themselves (`t.actor_id = any($1)`, the same rows as
  // the join to r). Joined to r alone, the planner read every table of the library's size whole
  // for a batch's few hundred removed actors (a hash join over a sequential scan, about 10 ms a
  // table and batch, most often finding nothing the rules had left); with the ids it probes the
  // index.
  const of = (column: string) => `${column} = r.actor_id and ${column} = any($1::bigint[])`;
  const ctes: string[] = [
    `r as (select b.* from cleanup_batch b where b.actor_id = any($1::bigint[]))`,
    `personal_details as (select 1 from r where r.has_personal and not r.cancel_personal)`,
    `memberships as (delete from roles t using r where ${of('t.actor_id')} returning t.type)`,
    `loan_history as (update loans t set actor_id = null, anonymized_on = ${lit(asOf)},
       membership_type = r.membership_type, district = r.district, postal_code4 = r.postal_code4
       from r where ${of('t.actor_id')} returning 1)`,
    `other_roles_gone as (delete from other_roles t using r where ${of('t.actor_id')} returning 1)`,
    `blocks as (delete from blocks t using r where ${of('t.actor_id')} returning 1)`,
    `credentials as (delete from credentials t using r where ${of('t.actor_id')} returning 1)`,
    `financial_transactions as (delete from financial_items t using r where ${of('t.actor_id')} returning 1)`,
    `relationship_links as (update relationships t set related_actor_id = null from r
       where ${of('t.related_actor_id')} and t.actor_id <> all($1::bigint[]) returning 1)`,
    `access_links as (update access_log t set actor_id = null from r where ${of('t.actor_id')} returning 1)`,
    // Requests about the customer go with the customer (the audit log names them by their own id).
    `requests_gone as (delete from removal_requests t using r where ${of('t.actor_id')} returning 1)`,
    `holds_gone as (delete from legal_holds t using r where ${of('t.actor_id')} returning 1)`,
  ];
  for (const category of RECORD_TABLE_CATEGORIES) {
    ctes.push(`${category} as (delete from ${category} t using r where ${of('t.actor_id')} returning 1)`);
  }
  const counts = (Object.keys(CATEGORIES) as CategoryId[]).map((id) =>
    id === 'memberships'
      ? `(select count(*) from memberships where type in ('ABON','EDUB','EDUV'))::int as memberships`
      : `(select count(*) from ${id})::int as ${id}`,
  );
  counts.push('(select count(*) from other_roles_gone)::int as _other_roles');
  counts.push('(select count(*) from relationship_links)::int as _relationship_links');
  counts.push('(select count(*) from access_links)::int as _access_links');
  counts.push('(select count(*) from requests_gone)::int as _requests');
  counts.push('(select count(*) from holds_gone)::int as _holds');
  return `with ${ctes.join(',\n')}\nselect ${counts.join(',\n  ')}`;
}

/**
 * Deletes the actor rows of $1. The personal-details count of removed actors whose details
 * phase 1 did not erase is taken in removeRecordsSql (same snapshot as the batch table).
 */
export const REMOVE_ACTORS_SQL = `delete from actors a where a.id = any($1::bigint[])`;
