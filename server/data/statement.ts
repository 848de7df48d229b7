import 'server-only';
import type { Caller } from '@/lib/auth/caller';
import { makeRetentionStatement } from '@/lib/requests/get-statement';
import type { MissingRetentionStatement, RetentionStatement } from '@/lib/requests/statement';
import type { StatementLang } from '@/lib/requests/statement-text';
import type { IsoDate } from '@/lib/retention/dates';
import { getServerDb } from '@/server/db';

/**
 * The retention statement for a caller who may give one (checked by the route or page first),
 * written to the access log before anything is read. The actor report has no loan items or
 * amounts, so neither has the statement, whoever asks.
 */
export async function getRetentionStatement(
  caller: Caller,
  params: { actorId: number; asOf: IsoDate; lang: StatementLang },
): Promise<RetentionStatement | MissingRetentionStatement> {
  return makeRetentionStatement(await getServerDb(), { caller, ...params });
}
