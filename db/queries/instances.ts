import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { instances } from '../schema';

/** The library instances, by id: what a login or API token may be tied to (the admin screens' choice). */
export async function listInstances(db: DbOrTx): Promise<{ id: number; name: string }[]> {
  return db.select({ id: instances.id, name: instances.name }).from(instances).orderBy(asc(instances.id));
}

/** The name of one instance, or undefined when there is none with that id. */
export async function getInstanceName(db: DbOrTx, instanceId: number): Promise<string | undefined> {
  const rows = await db.select({ name: instances.name }).from(instances).where(eq(instances.id, instanceId));
  return rows[0]?.name;
}
