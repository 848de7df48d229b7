import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { users } from '../schema';

/** The logins for the admin screen: no password, hash or session data. */
export async function listUsers(db: DbOrTx) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      instanceId: users.instanceId,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.email));
}

