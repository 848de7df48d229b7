import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { instances } from '../../db/schema/library';
import { UnknownInstanceError } from './errors';

/**
 * The name of the instance a new tie names, read in the transaction that writes the tie; throws
 * UnknownInstanceError when there is no such row of `instances`. (There is no foreign key on
 * purpose, db/schema/auth.ts: an existing tie outlives a `load --replace`, a new one must name an
 * instance that exists now.)
 */
export async function getTieInstanceName(tx: DbOrTx, instanceId: number): Promise<string> {
  const rows = await tx.select({ name: instances.name }).from(instances).where(eq(instances.id, instanceId));
  const row = rows[0];
  if (!row) throw new UnknownInstanceError(instanceId);
  return row.name;
}
