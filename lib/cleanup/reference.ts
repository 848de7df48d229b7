import type pg from 'pg';
import type { IsoDate } from '../retention/dates';
import type { RetentionSettings } from '../retention/settings';
import { computeCutoffs } from './statements';

/*
 * The benchmark's yardstick: the rules of RETENTION.md written as a few plain set-based UPDATE and
 * DELETE statements over the whole library in one transaction: no batches, no locks, no run
 * records, no re-check. It is what a DBA would write by hand, and the fastest the rules can be done
 * on this schema. Written independently of lib/cleanup/statements.ts on purpose: the benchmark also
 * checks that both leave the same end state.
 */

const d = (date: IsoDate | null) => (date === null ? 'null::date' : `'${date}'::date`);

/** Runs the reference cleanup for `asOf`; returns the number of records processed (as the cleanup counts them) and actors removed. */
export async function runReferenceCleanup(client: pg.ClientBase, settings: RetentionSettings, asOf: IsoDate) {
  const c = computeCutoffs(settings, asOf);
  const older = (col: string, cutoff: IsoDate | null) => (cutoff === null ? 'false' : `${col} <= ${d(cutoff)}`);
  const passed = (cutoff: IsoDate | null) => (cutoff === null ? 'false' : `coalesce(a.cancellation_date, a.registered_on) <= ${d(cutoff)}`);
  let records = 0;
  const exec = async (text: string, counts = true) => {
    const r = await client.query(text);
    if (counts) records += r.rowCount ?? 0;
    return r;
  };
  await client.query('begin');
  try {
    // Plain SQL on the tables, nothing else: the schedule's queue is not filled by its writes.
    await client.query(`set local retention.quiet = 'on'`);
    await exec(
      `create temp table ref_actor on commit drop as
       select a.id, x.inactive,
         x.inactive and ${passed(c.inactiveActorMonths)} as c_inactive,
         x.inactive and ${passed(c.personalDataMonths)} as c_personal,
         x.inactive and ${passed(c.financialMonths)} as c_financial,
         a.loan_history_opt_in as opt_in, a.district, substring(a.postal_code from '^\\s*([0-9]{4})') as postal4,
         (select r.type from roles r where r.actor_id = a.id and r.type in ('ABON','EDUV') order by r.start_date desc nulls last, r.id desc limit 1) as mtype
       from actors a
       cross join lateral (select not exists (select 1 from roles r where r.actor_id = a.id and r.type in ('ABON','EDUV')
                                              and (r.end_date is null or r.end_date > ${d(asOf)})) as inactive) x`,
      false,
    );
    await exec('alter table ref_actor add primary key (id)', false);
    await exec('analyze ref_actor', false);

    await exec(`update actors a set name = null, street = null, postal_code = null, city = null, district = null, email = null, phone = null
      from ref_actor r where r.id = a.id and r.c_personal
        and (coalesce(a.name,'') <> '' or coalesce(a.street,'') <> '' or coalesce(a.postal_code,'') <> '' or coalesce(a.city,'') <> ''
             or coalesce(a.district,'') <> '' or coalesce(a.email,'') <> '' or coalesce(a.phone,'') <> '')`);
    await exec(`delete from roles where type in ('ABON','EDUB','EDUV')
      and ${older(`coalesce(end_date, case when type = 'EDUB' then deregistration_date end)`, c.historyMonths)}`);
    const optOut = c.optOutLoanDays === null ? 'false' : `(not r.opt_in and l.returned_on <= ${d(c.optOutLoanDays)})`;
    await exec(`update loans l set actor_id = null, anonymized_on = ${d(asOf)}, membership_type = r.mtype, district = r.district, postal_code4 = r.postal4
      from ref_actor r where l.actor_id = r.id and l.returned_on is not null and (${older('l.returned_on', c.historyMonths)} or ${optOut})`);
    const age = (t: string, cutoff: IsoDate | null, extra = '') => exec(`delete from ${t} where ${older('record_date', cutoff)}${extra}`);
    const cancel = (t: string, flag: string) => exec(`delete from ${t} t using ref_actor r where t.actor_id = r.id and r.${flag}`);
    for (const t of ['instance_history', 'marketing', 'ksm', 'customer_notifications', 'to_inform']) await age(t, c.historyMonths);
    for (const t of ['holds', 'tickets']) await age(t, c.historyMonths, ' and not is_open');
    await age('account_changes', c.personalDataMonths);
    for (const t of ['collection_records', 'collections_agency']) {
      await age(t, c.historyMonths);
      await cancel(t, 'c_inactive');
    }
    for (const t of ['titles_previously_borrowed', 'asset_profiles', 'relationships']) await cancel(t, 'c_inactive');
    await cancel('documents', 'c_personal');
    await exec(`delete from blocks t using ref_actor r where t.actor_id = r.id and r.c_inactive and t.type not in ('ALG','DEU')`);
    await exec(`delete from credentials t using ref_actor r where t.actor_id = r.id and r.c_inactive and not t.sip_port`);
    await exec(`delete from financial_items where settled and ${older('booked_on', c.financialMonths)}`);
    await exec(`delete from financial_items t using ref_actor r where t.actor_id = r.id and r.c_financial and t.settled`);

    const fin = settings.financialMonths > 0 ? `or exists (select 1 from financial_items f where f.actor_id = r.id and f.settled and f.booked_on > ${d(c.financialMonths)})` : '';
    await exec(
      `create temp table ref_removed on commit drop as
       select r.id, r.c_personal, r.mtype, r.district, r.postal4 from ref_actor r
       where r.c_inactive and not (
         exists (select 1 from financial_items f where f.actor_id = r.id and not f.settled) ${fin}
         or exists (select 1 from loans l where l.actor_id = r.id and l.returned_on is null)
         or exists (select 1 from roles x where x.actor_id = r.id and (
              (x.type = 'EDUB' and x.deregistration_date > ${d(c.ediDeregistration)})
              or (x.type in ('ABON','EDUV') and x.end_date > ${d(c.membershipEnd)})
              or x.type in ('VEST','EXTR','XTRN')
              or (x.type = 'SUBSCRIBE' and x.end_date is null)
              or (x.type = 'ABON' and (x.status < 8 or x.subtype in ('SPEC','ADMI')))))
         or exists (select 1 from other_roles o where o.actor_id = r.id)
         or exists (select 1 from blocks b where b.actor_id = r.id and b.type in ('ALG','DEU'))
         or exists (select 1 from credentials k where k.actor_id = r.id and k.sip_port))`,
      false,
    );
    await exec('alter table ref_removed add primary key (id)', false);
    await exec('analyze ref_removed', false);
    await exec(`update loans l set actor_id = null, anonymized_on = ${d(asOf)}, membership_type = r.mtype, district = r.district, postal_code4 = r.postal4
      from ref_removed r where l.actor_id = r.id`);
    const personal = await exec(
      `select count(*)::int as n from actors a join ref_removed r on r.id = a.id where not r.c_personal
         and (coalesce(a.name,'') <> '' or coalesce(a.street,'') <> '' or coalesce(a.postal_code,'') <> '' or coalesce(a.city,'') <> ''
              or coalesce(a.district,'') <> '' or coalesce(a.email,'') <> '' or coalesce(a.phone,'') <> '')`,
      false,
    );
    records += (personal.rows[0] as { n: number }).n;
    await exec(`delete from roles t using ref_removed r where t.actor_id = r.id and t.type in ('ABON','EDUB','EDUV')`);
    await exec(`delete from roles t using ref_removed r where t.actor_id = r.id`, false);
    await exec(`delete from other_roles t using ref_removed r where t.actor_id = r.id`, false);
    for (const t of ['blocks', 'credentials', 'financial_items', 'titles_previously_borrowed', 'asset_profiles', 'instance_history', 'holds', 'marketing', 'ksm',
      'customer_notifications', 'to_inform', 'tickets', 'account_changes', 'documents', 'relationships', 'collection_records', 'collections_agency']) {
      await exec(`delete from ${t} t using ref_removed r where t.actor_id = r.id`);
    }
    await exec(`update relationships t set related_actor_id = null from ref_removed r where t.related_actor_id = r.id`, false);
    await exec(`update access_log t set actor_id = null from ref_removed r where t.actor_id = r.id`, false);
    const removed = await exec(`delete from actors a using ref_removed r where a.id = r.id`, false);
    await client.query('commit');
    return { records, actorsRemoved: removed.rowCount ?? 0 };
  } catch (e) {
    await client.query('rollback');
    throw e;
  }
}
