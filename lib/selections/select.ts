import type { DbOrTx } from '../../db/client';
import { getInstanceName } from '../../db/queries/instances';
import { BadParameterError } from '../validation/api';
import { countsSql, coverageSql, hasPeriod, loansPerMonthSql } from './sql';
import { MEMBERSHIP_STATES, statesOf, type LoanMonth, type MembershipState, type Selection, type SelectionQuery } from './types';

/** Refuses an instance id that names no instance (HTTP 400 / exit 2, naming `instanceId`). */
export async function assertInstanceExists(db: DbOrTx, instanceId: number): Promise<void> {
  if ((await getInstanceName(db, instanceId)) === undefined) throw new BadParameterError('instanceId', `names no instance (${instanceId})`);
}

/**
 * A selection's counts (RETENTION.md, "Selections and exports"): the actors that meet every
 * criterion, the split by membership state of those that meet every criterion but `membership`,
 * and, with a period, the loans of the instance in it (total, linked, anonymized).
 */
export async function getSelection(db: DbOrTx, q: SelectionQuery): Promise<Selection> {
  await assertInstanceExists(db, q.instanceId);
  const counts = (await db.execute<Record<MembershipState, number>>(countsSql(q))).rows[0]!;
  const byMembership = Object.fromEntries(MEMBERSHIP_STATES.map((s) => [s, Number(counts[s])])) as Record<MembershipState, number>;
  const actors = statesOf(q.membership).reduce((sum, s) => sum + byMembership[s], 0);
  let loans: Selection['loans'] = null;
  if (hasPeriod(q)) {
    const c = (await db.execute<{ total: number; linked: number }>(coverageSql(q))).rows[0]!;
    loans = { from: q.borrowedFrom, to: q.borrowedTo, total: Number(c.total), linked: Number(c.linked), anonymized: Number(c.total) - Number(c.linked) };
  }
  return {
    asOf: q.asOf,
    instanceId: q.instanceId,
    criteria: { membership: q.membership, loanHistoryOptIn: q.loanHistoryOptIn, borrowedFrom: q.borrowedFrom, borrowedTo: q.borrowedTo },
    actors,
    byMembership,
    loans,
  };
}

/**
 * The loans of the instance per month of the period, linked and anonymized: anonymizing removes
 * the customer, not the loan, so the numbers the statistics need stay (RETENTION.md; the loan keeps
 * its membership type, district, four digits of the postal code, branch and item).
 */
export async function getLoansPerMonth(db: DbOrTx, q: { instanceId: number; from: string; to: string }): Promise<LoanMonth[]> {
  const rows = (await db.execute<{ month: string; total: number; linked: number }>(loansPerMonthSql(q))).rows;
  return rows.map((r) => ({ month: r.month, total: Number(r.total), linked: Number(r.linked), anonymized: Number(r.total) - Number(r.linked) }));
}
