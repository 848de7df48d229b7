import { CATEGORIES, CATEGORY_IDS, RECORD_TABLE_CATEGORIES, type CategoryId } from '../retention/categories';
import {
  BRANCH_OR_EXTERNAL_ROLE_TYPES,
  EDUB_DEREGISTRATION_MONTHS,
  MEMBERSHIP_END_MONTHS,
  OTHER_ROLE_CONDITION,
  RUNNING_STATUS_BELOW,
  SPECIAL_MEMBERSHIP_SUBTYPES,
  type DeletionConditionCode,
} from '../retention/conditions';
import { addDays, monthsCutoff, type IsoDate } from '../retention/dates';
import type { RetentionSettings, SettingName } from '../retention/settings';

/*
 * The cleanup's SQL, generated from the category table so that it says what lib/retention/report.ts
 * says, set-based. Every statement works on one batch of locked actors (the temp table
 * cleanup_batch) and also names the batch's actor-id range, so the planner walks the per-table
 * (actor_id, …) indexes over that range instead of scanning whole tables.
 *
 * "Older than N months" is `record_date <= cutoff`, the cutoff computed once per run by
 * monthsCutoff (exact under month-end clamping). A setting of 0 turns its predicate into `false`.
 */

export type Cutoffs = Record<SettingName, IsoDate | null> & {
  ediDeregistration: IsoDate;
  membershipEnd: IsoDate;
};

/** The cutoff dates of a run: `null` where the setting is 0 (rule off). */
export function computeCutoffs(settings: RetentionSettings, asOf: IsoDate): Cutoffs {
  const months = (n: number) => (n > 0 ? monthsCutoff(asOf, n) : null);
  return {
    inactiveActorMonths: months(settings.inactiveActorMonths),
    financialMonths: months(settings.financialMonths),
    historyMonths: months(settings.historyMonths),
    personalDataMonths: months(settings.personalDataMonths),
    optOutLoanDays: settings.optOutLoanDays > 0 ? addDays(asOf, -settings.optOutLoanDays) : null,
    ediDeregistration: monthsCutoff(asOf, EDUB_DEREGISTRATION_MONTHS),
    membershipEnd: monthsCutoff(asOf, MEMBERSHIP_END_MONTHS),
  };
}

/**
 * The batch's actors in one table: the id range ($1, $2], and for a sparse batch (actors spread
 * over the library, as the schedule's due actors late in the job's life) the list of ids $3 too.
 * The range lets a batch of mostly consecutive actors walk each (actor_id, …) index once (the join
 * with the batch table keeps the others out); the list keeps a sparse batch to its own entries.
 */
const inRange = (alias: string, sparse: boolean) =>
  sparse ? `${alias}.actor_id > $1 and ${alias}.actor_id <= $2 and ${alias}.actor_id = any($3::bigint[])` : `${alias}.actor_id > $1 and ${alias}.actor_id <= $2`;

/**
 * A sparse batch taken from the retention schedule, in one category's table: only the batch's
 * actors whose plan has a day of that category on or before the run's date (`plan_due`), and all of
 * those a plan does not cover the same way (`plan_all`: planned for removal, a plan that ended, or
 * none). The schedule chose the batch's actors by those plans already (a run costs what is due);
 * this keeps each table's index lookups to the actors with something there, instead of probing
 * every table for every actor of the batch. It only ever narrows: the rows' own predicates still
 * decide what goes, and what the batch does is compared with the plans (applyToSchedule).
 */
const inPlan = (alias: string, category: CategoryId, only?: string) =>
  `${alias}.actor_id > $1 and ${alias}.actor_id <= $2 and ${batchList(alias, `(p.plan_all or ${CATEGORY_IDS.indexOf(category)}::smallint = any(p.plan_due))${only ? ` and ${only}` : ''}`)}`;

/** The batch table's actors that match `where` (on `p`), as a list for a table's `(actor_id, …)` index. */
const batchList = (alias: string, where: string) => `${alias}.actor_id = any(array(select p.actor_id from cleanup_batch p where ${where}))`;

/** Whether a batch of `count` actors with ids in (lo, hi] is sparse: fewer than half the ids of its range. */
export function isSparseBatch(count: number, lo: number, hi: number): boolean {
  return hi - lo > 2 * count;
}

/** A date as an SQL literal (`null` for none): dates are the run's own, never user input. */
export const lit = (d: IsoDate | null): string => (d === null ? 'null' : `'${d}'::date`);
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
/** `date <= cutoff`, or false when the rule is off. */
const olderThan = (column: string, cutoff: IsoDate | null) => (cutoff === null ? 'false' : `${column} <= ${lit(cutoff)}`);

/** The batch table: one row per locked actor, with what the rules need from the actor row. */
export const CREATE_BATCH_TABLE = `
  create temp table if not exists cleanup_batch (
    actor_id bigint primary key,
    inactive boolean not null,
    removal_candidate boolean not null,
    request_on date,
    request_cancellation date,
    on_hold boolean not null,
    cancel_inactive boolean not null,
    cancel_personal boolean not null,
    cancel_financial boolean not null,
    opt_in boolean not null,
    has_personal boolean not null,
    membership_type text,
    district text,
    postal_code4 text,
    plan_all boolean not null default true,
    plan_due smallint[] not null default '{}'
  ) on commit delete rows`;

const HAS_PERSONAL = `(coalesce(a.name,'') <> '' or coalesce(a.street,'') <> '' or coalesce(a.postal_code,'') <> ''
  or coalesce(a.city,'') <> '' or coalesce(a.district,'') <> '' or coalesce(a.email,'') <> '' or coalesce(a.phone,'') <> '')`;

/**
 * The batch flags of the actors $3 (ids in ($1, $2]): `inactive` on the as-of date; whether the "after
 * cancellation" rule of each setting has passed (counted from registration when the actor never
 * had a membership); what anonymized loans keep. The memberships are read once for the whole
 * range (a grouped range scan, not a lookup per actor), so a batch costs the same wherever it is.
 * With `lock`, the actor rows are locked FOR UPDATE SKIP LOCKED (actors held by another session
 * are left out: the run skips them and a later run does them).
 *
 * Requests about one customer (RETENTION.md), as lib/retention/report.ts applies them:
 * `request_on` is the date of a removal request that applies (dated on or before the as-of date,
 * not made void by a membership that started after it). From that day every membership counts as
 * ended on it, so the actor is inactive and the cancellation date is the request's date (or the
 * earlier end of an actor who was already inactive); the removal no longer waits for
 * inactiveActorMonths (`removal_candidate`). `on_hold`: a legal hold holds on the as-of date.
 */
function batchFlagsSql(asOf: IsoDate, c: Cutoffs, lock: boolean, sparse: boolean, planned = false): string {
  const passed = (cutoff: IsoDate | null) => (cutoff === null ? 'false' : `a.base <= ${lit(cutoff)}`);
  return `
    with picked as materialized (
      select a.* from actors a where a.id > $1 and a.id <= $2 and a.id = any($3::bigint[]) ${lock ? 'order by a.id for update skip locked' : ''}
    ), rq as (
      select q.actor_id, q.requested_on from removal_requests q
      where ${inRange('q', sparse)} and q.requested_on <= ${lit(asOf)}
        and not exists (select 1 from roles r where r.actor_id = q.actor_id and r.type in ('ABON','EDUV') and r.start_date > q.requested_on)
    ), lh as (
      select h.actor_id from legal_holds h
      where ${inRange('h', sparse)} and (h.until is null or h.until > ${lit(asOf)})
    ), m as (
      select r.actor_id,
        bool_or(rq.requested_on is null and (r.end_date is null or r.end_date > ${lit(asOf)})) as running,
        max(least(coalesce(r.end_date, rq.requested_on), rq.requested_on)) as request_end,
        (array_agg(r.type order by r.start_date desc nulls last, r.id desc))[1] as membership_type
      from roles r left join rq on rq.actor_id = r.actor_id
      where ${inRange('r', sparse)} and r.type in ('ABON','EDUV')
      group by r.actor_id
    ), flagged as materialized (
      select a.*, not coalesce(m.running, false) as inactive, m.membership_type,
        rq.requested_on as request_on, lh.actor_id is not null as on_hold,
        -- least/greatest skip nulls: a kept cancellation date is capped at the request only when there is one.
        case when rq.requested_on is not null
          then greatest(case when a.cancellation_date is not null then least(a.cancellation_date, rq.requested_on) end, m.request_end) end
          as request_cancellation
      from picked a left join m on m.actor_id = a.id left join rq on rq.actor_id = a.id left join lh on lh.actor_id = a.id
    ), based as (
      select f.*, coalesce(case when f.request_on is null then f.cancellation_date else f.request_cancellation end, f.registered_on) as base
      from flagged f
    )
    select a.id as actor_id, a.inactive,
      a.inactive and (a.request_on is not null or ${passed(c.inactiveActorMonths)}) as removal_candidate,
      a.request_on, a.request_cancellation, a.on_hold,
      a.inactive and ${passed(c.inactiveActorMonths)} as cancel_inactive,
      a.inactive and ${passed(c.personalDataMonths)} as cancel_personal,
      a.inactive and ${passed(c.financialMonths)} as cancel_financial,
      a.loan_history_opt_in as opt_in,
      ${HAS_PERSONAL} as has_personal,
      a.membership_type,
      a.district,
      substring(a.postal_code from '^\\s*([0-9]{4})') as postal_code4${
        planned
          ? `,
      coalesce(plan.plan_all, true) as plan_all,
      coalesce(plan.plan_due, '{}') as plan_due
    from based a left join lateral (
      select (s.removal_on is not null and s.removal_on <= ${lit(asOf)}) or (s.valid_to is not null and s.valid_to <= ${lit(asOf)}) as plan_all,
        -- The categories of the entries on or before the date: a plan's days are sorted, so they
        -- are its head, counted by width_bucket's binary search (a category may repeat: plan_due
        -- is only asked with = any).
        s.categories[:width_bucket(${lit(asOf)}, s.days)] as plan_due
      from retention_schedule s where s.actor_id = a.id) plan on true`
          : `
    from based a`
      }`;
}

/**
 * Keeps the cancellation date a removal request gave on the actor (RETENTION.md: the engine keeps
 * it on the actor, since the membership rows are deleted later): the request's date for an actor
 * who was a member on it, so the "after cancellation" rules still count from it once the
 * membership rows are gone. Runs on the batch's locked actors, before the rules.
 */
export const KEEP_REQUEST_CANCELLATION_SQL = `
  update actors a set cancellation_date = b.request_cancellation
  from cleanup_batch b
  where a.id = b.actor_id and a.id > $1 and a.id <= $2
    and b.request_cancellation is not null and a.cancellation_date is distinct from b.request_cancellation`;

/**
 * Locks the batch's actors and fills the batch table with their flags; `planned` (a sparse batch
 * of a recorded run, chosen from a schedule made with the run's settings): with what their plans
 * say is due on the date (plan_all, plan_due; see inPlan). Otherwise those stay at their defaults.
 */
export function fillBatchSql(asOf: IsoDate, c: Cutoffs, sparse: boolean, planned = false): string {
  return `insert into cleanup_batch ${batchFlagsSql(asOf, c, true, sparse, planned && sparse)}`;
}

const CANCEL_FLAG: Partial<Record<SettingName, string>> = {
  inactiveActorMonths: 'b.cancel_inactive',
  personalDataMonths: 'b.cancel_personal',
  financialMonths: 'b.cancel_financial',
};

/** The predicate that makes a record of a record-table category due by its own rule. */
function recordDue(category: CategoryId, c: Cutoffs, alias = 't'): string {
  const rule = CATEGORIES[category];
  const parts: string[] = [];
  if (rule.ageSetting) parts.push(olderThan(`${alias}.record_date`, c[rule.ageSetting]));
  if (rule.cancellationSetting) parts.push(CANCEL_FLAG[rule.cancellationSetting] ?? 'false');
  let due = parts.length ? `(${parts.join(' or ')})` : 'false';
  if (category === 'holds' || category === 'tickets') due = `(not ${alias}.is_open and ${due})`;
  return due;
}

/**
 * Where each category's records live and the predicate (on `t`, with the batch flags as `b`) that
 * makes one due by its own rule on the as-of date. Shared by the run (which deletes or anonymizes
 * them) and by countDueSql (which counts them), so the two cannot disagree.
 */
type CategoryTarget = { table: string; alias: 'a' | 't'; scope?: string; due: string; plannedParts?: PlannedPart[] };

/**
 * A category's predicate cut in two by a flag of the batch (on `b`, or on the plan list's `p`):
 * the parts are disjoint, and together they are `due`. A sparse batch of the schedule's actors works
 * each part on its own list of actors, with a date bound that depends on the flag, so that the
 * `(actor_id, date)` index stops at the bound of each actor's own rule: an actor whose loan history
 * is on keeps its loans of the last two years unread, not only those of the last 90 days; an actor
 * whose financial records are not cancelled keeps its records of the last seven years unread.
 * (A dense batch reads its whole range once: two passes would cost it more.)
 */
type PlannedPart = { only: (alias: 'b' | 'p') => string; due: string };

/**
 * The date of a role in the `memberships` category (role `x`, batch or candidate row `b`): its end
 * date (EDUB without one: the deregistration date); a membership that had not ended when a removal
 * request applied counts as ended on the request's date.
 */
function membershipDateSql(x: string, b: string): string {
  return `case when ${b}.request_on is not null and ${x}.type in ('ABON','EDUV') then least(coalesce(${x}.end_date, ${b}.request_on), ${b}.request_on)
    else coalesce(${x}.end_date, case when ${x}.type = 'EDUB' then ${x}.deregistration_date end) end`;
}

/** A rule's predicate (on `t`, with the batch row as `b`) held back while the actor's legal hold holds. */
const heldBack = (due: string) => `(not b.on_hold and ${due})`;

/** Every category's predicate, with a legal hold holding every record back while it holds. */
function categoryTargets(c: Cutoffs): Record<CategoryId, CategoryTarget> {
  const targets = ruleTargets(c);
  for (const id of Object.keys(targets) as CategoryId[]) {
    const t = targets[id];
    targets[id] = { ...t, due: heldBack(t.due), plannedParts: t.plannedParts?.map((part) => ({ ...part, due: heldBack(part.due) })) };
  }
  return targets;
}

function ruleTargets(c: Cutoffs): Record<CategoryId, CategoryTarget> {
  const optOut = c.optOutLoanDays === null ? 'false' : `(not b.opt_in and t.returned_on <= ${lit(c.optOutLoanDays)})`;
  const loanBound = [c.historyMonths, c.optOutLoanDays].filter((d): d is IsoDate => d !== null).sort().at(-1);
  const targets = {
    personal_details: { table: 'actors', alias: 'a', scope: 'b.has_personal', due: 'b.cancel_personal' },
    memberships: {
      table: 'roles',
      alias: 't',
      scope: `t.type in ('ABON','EDUB','EDUV')`,
      due: olderThan(`(${membershipDateSql('t', 'b')})`, c.historyMonths),
    },
    loan_history: {
      table: 'loans',
      alias: 't',
      // Either rule needs the loan returned by the later of the two cutoffs: said first, so that the
      // (actor_id, returned_on) index stops at it and the loans returned since are not read at all.
      due: loanBound === undefined ? 'false' : `(t.returned_on <= ${lit(loanBound)} and (${olderThan('t.returned_on', c.historyMonths)} or ${optOut}))`,
      // With the history on, only the history rule; with it off, whichever cutoff is later.
      plannedParts:
        loanBound === undefined
          ? undefined
          : [
              ...(c.historyMonths === null ? [] : [{ only: (x: string) => `${x}.opt_in`, due: `t.returned_on <= ${lit(c.historyMonths)}` }]),
              { only: (x: string) => `not ${x}.opt_in`, due: `t.returned_on <= ${lit(loanBound)}` },
            ],
    },
    blocks: { table: 'blocks', alias: 't', due: `(b.cancel_inactive and t.type not in ('ALG','DEU'))` },
    credentials: { table: 'credentials', alias: 't', due: '(b.cancel_inactive and not t.sip_port)' },
    financial_transactions: {
      table: 'financial_items',
      alias: 't',
      due: `(t.settled and (${olderThan('t.booked_on', c.financialMonths)} or b.cancel_financial))`,
      plannedParts: [
        ...(c.financialMonths === null
          ? []
          : [{ only: (x: string) => `not ${x}.cancel_financial`, due: `(t.booked_on <= ${lit(c.financialMonths)} and t.settled)` }]),
        { only: (x: string) => `${x}.cancel_financial`, due: 't.settled' },
      ],
    },
  } as Partial<Record<CategoryId, CategoryTarget>>;
  for (const category of RECORD_TABLE_CATEGORIES) targets[category] = { table: category, alias: 't', due: recordDue(category, c) };
  return targets as Record<CategoryId, CategoryTarget>;
}

/**
 * Phase 1: every age and cancellation rule on the batch, in one statement of data-modifying CTEs
 * (they touch different tables and read the batch table, so they do not depend on each other).
 * Returns one row: the count per category.
 */
export function applyRulesSql(asOf: IsoDate, c: Cutoffs, sparse: boolean, planned = false): string {
  // The rules without the hold: each statement holds it back its own way (ruleStatement).
  const targets = ruleTargets(c);
  const byPlan = sparse && planned;
  // Per category its statements: one per part (see PlannedPart), or one for the category.
  const statements = (Object.keys(CATEGORIES) as CategoryId[]).map((id) => {
    const t = targets[id];
    const parts: RulePart[] =
      byPlan && t.plannedParts ? t.plannedParts.map((part, i) => ({ name: `${id}_${i + 1}`, only: part.only, due: part.due })) : [{ name: id, due: t.due }];
    return { id, parts: parts.map((part) => ({ name: part.name, sql: ruleStatement(id, t, asOf, part, { byPlan, sparse }) })) };
  });
  const ctes = statements.flatMap(({ parts }) => parts.map((part) => `${part.name} as (\n    ${part.sql} returning 1)`));
  const counts = statements.map(({ id, parts }) => `(${parts.map((part) => `(select count(*) from ${part.name})`).join(' + ')})::int as ${id}`);
  return `with ${ctes.join(',\n')}\nselect ${counts.join(',\n  ')}`;
}

/** One statement of a category: its rule `due` (without the hold), for the actors with the flag `only` (a planned part). */
type RulePart = { name: string; only?: PlannedPart['only']; due: string };

/**
 * The statement that applies one category's rule (a part of it) to the batch's actors, with the
 * legal hold held back. A delete whose predicate is on the record alone (no `b.`: an age rule, or a
 * planned part whose flag goes into the actor list) takes its actors from the batch table as a list
 * of those without a hold instead of joining the batch row to every record: the same rows (the
 * batch table's key is the actor), and at 30,000 actors those deletes of a first backlog took about
 * half the time. The updates and the other deletes join the batch row and read the hold there.
 */
function ruleStatement(id: CategoryId, t: CategoryTarget, asOf: IsoDate, part: RulePart, batch: { byPlan: boolean; sparse: boolean }): string {
  const where = (...terms: (string | undefined)[]) => terms.filter(Boolean).join(' and ');
  if (id === 'personal_details') {
    return `update actors a set name = null, street = null, postal_code = null, city = null, district = null, email = null, phone = null
    from cleanup_batch b where a.id = b.actor_id and a.id > $1 and a.id <= $2 and ${where(t.scope, heldBack(part.due))}`;
  }
  // The batch's actors in the table: the plan's list (with the part's flag), the sparse list or the range.
  const actors = (only?: string) => (batch.byPlan ? inPlan('t', id, only) : where(inRange('t', batch.sparse), only && batchList('t', only)));
  const joined = where(actors(part.only?.('p')), t.scope, part.only?.('b'), heldBack(part.due));
  if (id === 'loan_history') {
    return `update loans t set actor_id = null, anonymized_on = ${lit(asOf)},
      membership_type = b.membership_type, district = b.district, postal_code4 = b.postal_code4
    from cleanup_batch b where t.actor_id = b.actor_id and ${joined}`;
  }
  const onRecord = where(t.scope, part.due);
  if (!/\bb\./.test(onRecord)) return `delete from ${t.table} t where ${where(actors(where('not p.on_hold', part.only?.('p'))), onRecord)}`;
  return `delete from ${t.table} t using cleanup_batch b where t.actor_id = b.actor_id and ${joined}`;
}

/**
 * The deletion-condition CTEs for the candidates in `cand` (actor_id, cancel_financial): one
 * grouped range scan per table joined to the candidates (never a lookup per actor and condition,
 * never a scan beyond the range). A condition rests only on records that are not due today by
 * their own rule: after phase 1 those are gone anyway, and before it (countDueSql) this is what
 * makes an actor whose last reason ends today count as due, as the run will remove it.
 */
function conditionCtes(settings: RetentionSettings, c: Cutoffs, sparse: boolean): string {
  // A sparse batch looks up its removal candidates only (not every actor of the batch).
  const within = sparse ? `x.actor_id > $1 and x.actor_id <= $2 and x.actor_id = any(array(select cand.actor_id from cand))` : inRange('x', false);
  const scan = (table: string, select: string, where = 'true') => `
      select x.actor_id, ${select} from ${table} x join cand on cand.actor_id = x.actor_id
      where ${within} and (${where}) group by x.actor_id`;
  const keptRole = `(cand.on_hold or not ${olderThan(`(${membershipDateSql('x', 'cand')})`, c.historyMonths)})`;
  const recentArchive =
    settings.financialMonths > 0 ? `bool_or(x.settled and x.booked_on > ${lit(c.financialMonths)} and not cand.cancel_financial)` : 'false';
  return `
    fin as (${scan('financial_items', `bool_or(not x.settled) as open_items, ${recentArchive} as recent_archive`)}),
    cur as (${scan('loans', 'true as current', 'x.returned_on is null')}),
    ro as (${scan(
      'roles',
      `bool_or(x.type = 'EDUB' and x.deregistration_date > ${lit(c.ediDeregistration)} and ${keptRole}) as edub,
       bool_or(x.type in ('ABON','EDUV') and x.end_date > ${lit(c.membershipEnd)} and ${keptRole}) as membership_end,
       bool_or(x.type in (${list(BRANCH_OR_EXTERNAL_ROLE_TYPES)})) as branch,
       bool_or(x.type = 'SUBSCRIBE' and x.end_date is null) as subscription,
       bool_or(x.type = 'ABON' and x.status < ${RUNNING_STATUS_BELOW} and ${keptRole}) as running_status,
       bool_or(x.type = 'ABON' and x.subtype in (${list(SPECIAL_MEMBERSHIP_SUBTYPES)}) and ${keptRole}) as special`,
    )}),
    oth as (${scan('other_roles', 'array_agg(distinct x.kind) as kinds')}),
    blk as (${scan('blocks', 'true as kept', `x.type in ('ALG','DEU')`)}),
    sip as (${scan('credentials', 'true as kept', 'x.sip_port')}),
    coded as (
      select cand.actor_id, array_remove(array[
        ${conditionCodes().map(([code, predicate]) => `case when coalesce(${predicate}, false) then '${code}' end`).join(',\n        ')}
      ]::text[], null) as codes
      from cand
      left join fin on fin.actor_id = cand.actor_id
      left join cur on cur.actor_id = cand.actor_id
      left join ro on ro.actor_id = cand.actor_id
      left join oth on oth.actor_id = cand.actor_id
      left join blk on blk.actor_id = cand.actor_id
      left join sip on sip.actor_id = cand.actor_id
    )`;
}

function conditionCodes(): [DeletionConditionCode, string][] {
  const codes: [DeletionConditionCode, string][] = [
    ['OPEN_FINANCIAL_ITEMS', 'fin.open_items'],
    ['RECENT_FINANCIAL_ARCHIVE', 'fin.recent_archive'],
    ['CURRENT_LOANS', 'cur.actor_id is not null'],
    // A removal request waives the waiting periods (RETENTION.md, "Removal on request").
    ['RECENT_EDUB_DEREGISTRATION', 'ro.edub and cand.request_on is null'],
    ['RECENT_MEMBERSHIP_END', 'ro.membership_end and cand.request_on is null'],
    ['BRANCH_OR_EXTERNAL_ROLE', 'ro.branch'],
    ['GENERAL_OR_BAILIFF_BLOCK', 'blk.actor_id is not null'],
    ['SIP_PORT_USERNAME', 'sip.actor_id is not null'],
    ['OPEN_ENDED_SUBSCRIPTION', 'ro.subscription'],
    ['RUNNING_MEMBERSHIP_STATUS', 'ro.running_status and cand.request_on is null'],
    ['SPECIAL_MEMBERSHIP', 'ro.special'],
    ['LEGAL_HOLD', 'cand.on_hold'],
  ];
  for (const [kind, code] of Object.entries(OTHER_ROLE_CONDITION)) codes.push([code, `'${kind}' = any(oth.kinds)`]);
  return codes;
}

/**
 * Phase 2: the deletion conditions of every removal candidate of the batch (inactive for at least
 * inactiveActorMonths), evaluated on the rows left after phase 1, inside the transaction that
 * holds the actor rows locked. An actor with no code is removed.
 */
export function conditionsSql(settings: RetentionSettings, c: Cutoffs, sparse: boolean): string {
  return `
    with cand as materialized (
      select b.actor_id, b.cancel_financial, b.request_on, b.on_hold from cleanup_batch b where b.removal_candidate),
    ${conditionCtes(settings, c, sparse)}
    select coded.actor_id, coded.codes, cand.request_on is not null as requested from coded join cand using (actor_id)`;
}

/**
 * What one complete run on the as-of date would process in the actors $3 (ids in ($1, $2]), read-only and
 * without locks: actors removed, and per category the records due by their rule plus every other
 * record of an actor who is removed. The same predicates as the run (categoryTargets,
 * conditionCtes). Used for the backlog, the circuit breaker and the settings what-if.
 */
export function countDueSql(asOf: IsoDate, settings: RetentionSettings, c: Cutoffs): string {
  const targets = categoryTargets(c);
  const counts = (Object.keys(CATEGORIES) as CategoryId[]).map((id) => {
    const t = targets[id];
    const due = `(${t.due}) or removable.actor_id is not null`;
    if (id === 'personal_details') {
      return `(select count(*) from b left join removable on removable.actor_id = b.actor_id where ${t.scope} and (${due}))::int as ${id}`;
    }
    return `(select count(*) from ${t.table} t join b on b.actor_id = t.actor_id left join removable on removable.actor_id = t.actor_id
       where ${inRange('t', false)} ${t.scope ? `and ${t.scope}` : ''} and (${due}))::int as ${id}`;
  });
  return `
    with b as materialized (${batchFlagsSql(asOf, c, false, false)}),
    cand as materialized (select b.actor_id, b.cancel_financial, b.request_on, b.on_hold from b where b.removal_candidate),
    ${conditionCtes(settings, c, false)},
    removable as materialized (select coded.actor_id, cand.request_on is not null as requested from coded join cand using (actor_id) where cardinality(codes) = 0)
    select (select count(*) from removable)::int as actors,
      (select count(*) from removable where requested)::int as requested_actors,
      ${counts.join(',\n      ')}`;
}
