import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { instances } from '../schema';

/** The library instances, by id: what a login or API token may be tied to (the admin screens' choice). */
export async function listInstances(db: DbOrTx): Promise<{ id: number; name: string }[]> {
  return db.select({ id: instances.id, name: instances.name }).from(instances).orderBy(asc(instances.id));
}
