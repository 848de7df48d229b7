import { asc, desc } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { apiTokens, users } from '../schema';

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
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.email));
}

/** The API tokens for the admin screen: name, role and the token's first characters, never its hash. */
export async function listApiTokens(db: DbOrTx) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      hint: apiTokens.hint,
      createdBy: apiTokens.createdBy,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .orderBy(desc(apiTokens.createdAt));
}
