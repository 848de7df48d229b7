import { sql, type SQL } from 'drizzle-orm';
import { MEMBERSHIP_STATES, statesOf, type PersonalColumn, type SelectionQuery } from './types';

/*
 * The selection as set-based SQL over the rows as they are held (RETENTION.md, "Selections and
 * exports"): nothing is read into JavaScript to be filtered; the counts are one aggregate and the
 * exports one ordered query each, streamed through a cursor.
 *
 * A membership is running on the as-of date D when it has no end date or one after D, and no
 * removal request of the actor applies on D (RETENTION.md, "running membership": a request ends
 * every membership on its date; one is void once a membership started after it, as in the rules
 * of lib/retention/report.ts and the run's SQL in lib/cleanup/statements.ts).
 */

/**
 * The customers of instance I, each with their membership state on D: `(actor_id, state)`. Read
 * from I's own membership roles (the partial index `roles_membership_instance_idx`, in actor
 * order, so the grouping streams), so the cost follows the instance's customers, not the library;
 * the other instances' roles are probed per actor only for those not running here.
 */
function customersSql(q: SelectionQuery): SQL {
  const running = (alias: string) => sql`(${sql.raw(alias)}.end_date is null or ${sql.raw(alias)}.end_date > ${q.asOf}::date)`;
  return sql`
    select g.actor_id,
      case when g.here and rq.actor_id is null then 'active_here'
           when rq.actor_id is null and el.running then 'active_elsewhere'
           else 'inactive' end as state
    from (
      select r.actor_id, bool_or(${running('r')}) as here
      from roles r
      where r.instance_id = ${q.instanceId} and r.type in ('ABON','EDUV')
      group by r.actor_id
    ) g
    -- A lateral probe (one index lookup, only for an actor not running here) rather than a
    -- semi-join the planner would hash over every other instance's roles.
    left join lateral (
      select true as running from roles e
      where not g.here and e.actor_id = g.actor_id and e.type in ('ABON','EDUV') and e.instance_id <> ${q.instanceId} and ${running('e')}
      limit 1
    ) el on true
    left join (
      select q.actor_id from removal_requests q
      where q.requested_on <= ${q.asOf}::date
        and not exists (select 1 from roles n where n.actor_id = q.actor_id and n.type in ('ABON','EDUV') and n.start_date > q.requested_on)
    ) rq on rq.actor_id = g.actor_id`;
}

const hasPeriod = (q: SelectionQuery): q is SelectionQuery & { borrowedFrom: string; borrowedTo: string } =>
  q.borrowedFrom !== null && q.borrowedTo !== null;

/** The linked loans of instance I loaned in the period, per actor: `(actor_id, loans)`. */
function periodLoansSql(q: SelectionQuery & { borrowedFrom: string; borrowedTo: string }): SQL {
  return sql`
    select l.actor_id, count(*)::int as loans from loans l
    where l.instance_id = ${q.instanceId} and l.loaned_on between ${q.borrowedFrom}::date and ${q.borrowedTo}::date and l.actor_id is not null
    group by l.actor_id`;
}

/**
 * The customers that meet every criterion but `membership`, with their state (and, with a
 * period, their linked loans in it): `(actor_id, state[, loans])`.
 */
function narrowedSql(q: SelectionQuery): SQL {
  // Materialized: the state is worked out once per customer, not once per use of it.
  const customers = sql`with c as materialized (${customersSql(q)})`;
  const optIn = q.loanHistoryOptIn === null ? sql`` : sql`join actors a on a.id = c.actor_id and a.loan_history_opt_in = ${q.loanHistoryOptIn}`;
  if (!hasPeriod(q)) return sql`${customers} select c.actor_id, c.state, null::int as loans from c ${optIn}`;
  return sql`${customers} select c.actor_id, c.state, p.loans from c join (${periodLoansSql(q)}) p on p.actor_id = c.actor_id ${optIn}`;
}

/** The selection's counts: one row `(active_here, active_elsewhere, inactive)` of `narrowedSql`. */
export function countsSql(q: SelectionQuery): SQL {
  const cols = MEMBERSHIP_STATES.map((s) => sql`count(*) filter (where n.state = ${s})::int as ${sql.identifier(s)}`);
  return sql`select ${sql.join(cols, sql`, `)} from (${narrowedSql(q)}) n`;
}

/** The loans of instance I loaned in the period: all, and those still linked to a customer. */
export function coverageSql(q: SelectionQuery & { borrowedFrom: string; borrowedTo: string }): SQL {
  return sql`
    select count(*)::int as total, count(l.actor_id)::int as linked from loans l
    where l.instance_id = ${q.instanceId} and l.loaned_on between ${q.borrowedFrom}::date and ${q.borrowedTo}::date`;
}

/** The loans of instance I per month of the period, linked and anonymized (the statistics kept). */
export function loansPerMonthSql(q: { instanceId: number; from: string; to: string }): SQL {
  return sql`
    select to_char(l.loaned_on, 'YYYY-MM') as month, count(*)::int as total, count(l.actor_id)::int as linked
    from loans l
    where l.instance_id = ${q.instanceId} and l.loaned_on between ${q.from}::date and ${q.to}::date
    group by 1 order by 1`;
}

const personal = (alias: string, columns: readonly PersonalColumn[]): SQL =>
  columns.length === 0 ? sql`` : sql`, ${sql.join(columns.map((c) => sql`${sql.raw(`${alias}.${c}`)} as ${sql.identifier(c)}`), sql`, `)}`;

/**
 * The customers export: one row per selected actor, by actor id (RETENTION.md): actor_id,
 * membership, loan_history_opt_in, registered_on, loans (empty without a period), then the
 * personal columns asked for, in that order.
 */
export function customersExportSql(q: SelectionQuery, columns: readonly PersonalColumn[]): SQL {
  const states = statesOf(q.membership);
  return sql`
    select a.id as actor_id, n.state as membership, a.loan_history_opt_in, a.registered_on, n.loans${personal('a', columns)}
    from (${narrowedSql(q)}) n join actors a on a.id = n.actor_id
    where n.state in (${sql.join(states.map((s) => sql`${s}`), sql`, `)})
    order by a.id`;
}

/**
 * The items export (needs a period; the customer criteria do not apply): one row per item with a
 * loan of instance I in the period, by item id in byte order: item_id, loans, anonymized_loans,
 * last_borrower, then that borrower's personal columns asked for. The last borrower is the actor
 * of the item's latest loan of I at any time: a loan without a return date first, then by loan
 * day, then return day, then the higher actor id, an anonymized loan counting as the lowest; empty
 * (with empty personal columns) when that loan is anonymized. An anonymized loan never shows a
 * borrower.
 */
export function itemsExportSql(q: SelectionQuery & { borrowedFrom: string; borrowedTo: string }, columns: readonly PersonalColumn[]): SQL {
  return sql`
    with items as materialized (
      select l.item_id, count(*)::int as loans, (count(*) - count(l.actor_id))::int as anonymized_loans
      from loans l
      where l.instance_id = ${q.instanceId} and l.loaned_on between ${q.borrowedFrom}::date and ${q.borrowedTo}::date
      group by l.item_id
    ), latest as (
      select distinct on (l.item_id) l.item_id, l.actor_id
      from loans l join items i on i.item_id = l.item_id
      where l.instance_id = ${q.instanceId}
      order by l.item_id, (l.returned_on is null) desc, l.loaned_on desc, l.returned_on desc, l.actor_id desc nulls last
    )
    select i.item_id, i.loans, i.anonymized_loans, latest.actor_id as last_borrower${personal('b', columns)}
    from items i join latest on latest.item_id = i.item_id
    left join actors b on b.id = latest.actor_id
    order by i.item_id collate "C"`;
}

export { hasPeriod };
