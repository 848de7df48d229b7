import type { DbOrTx } from '../../db/client';
import { getInstanceName } from '../../db/queries/instances';
import { UnknownInstanceError } from './errors';

/**
 * The name of the instance a new tie names, read in the transaction that writes the tie; throws
 * UnknownInstanceError when there is no such row of `instances`. (There is no foreign key on
 * purpose, db/schema/auth.ts: an existing tie outlives a `load --replace`, a new one must name an
 * instance that exists now.)
 */
export async function getTieInstanceName(tx: DbOrTx, instanceId: number): Promise<string> {
  const name = await getInstanceName(tx, instanceId);
  if (name === undefined) throw new UnknownInstanceError(instanceId);
  return name;
}
