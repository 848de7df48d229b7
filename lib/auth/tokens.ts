import crypto from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { apiTokens, users, type UserRole } from '../../db/schema/auth';
import { API_TOKEN_DEFAULT_EXPIRY_DAYS, apiTokenIdSchema, createApiTokenSchema } from '../validation/auth';
import { writeAuditEntry, type ChangedBy } from './audit';
import { InstanceTieWiderError, parseAuthInput, TokenNotFoundError } from './errors';
import { getTieInstanceName } from './instance-tie';
import { rolesCovering, USER_ROLES } from './permissions';

/** Every API token starts with this, so a leaked one is recognised (by people and secret scanners). */
export const API_TOKEN_PREFIX = 'rdt_';
const TOKEN_PATTERN = /^rdt_[A-Za-z0-9_-]{43}$/;

/** A new token: the prefix and 32 random bytes, base64url. */
export function generateApiToken(): string {
  return `${API_TOKEN_PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
}

/** The stored form of a token: SHA-256, hex. The token has 256 random bits, so no salt or slow hash is needed. */
export function hashApiToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True when the text has the shape of one of our tokens (checked before any database work). */
export function isApiTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export type CreatedApiToken = { tokenId: string; name: string; role: UserRole; instanceId: number | null; token: string; hint: string; expiresAt: Date };

/**
 * Creates an API token for a role, working for `expiresDays` days (default 90). The token is
 * returned here, once; only its hash is stored. A token made by a signed-in user (`by.userId`)
 * also stops working when that user is disabled, no longer holds every permission of its role, or
 * is tied to another instance than the token (findActiveApiToken); one made by the command line
 * only expires. With `instanceId`, the token is tied to that library instance (INTERFACES.md,
 * Roles), which must exist (UnknownInstanceError). A creator tied to an instance may only make
 * tokens tied to the same instance (InstanceTieWiderError otherwise, for another or none): a login
 * creator's tie is read from `users` here; an API token that makes one (the API, a server action
 * with a bearer) gives its own as `creatorInstanceId`. One transaction with its audit row.
 */
export async function createApiToken(
  db: DbOrTx,
  params: { role: string; name?: string; expiresDays?: number; instanceId?: number | null; creatorInstanceId?: number | null; by: ChangedBy },
): Promise<CreatedApiToken> {
  const input = parseAuthInput(createApiTokenSchema, {
    role: params.role,
    ...(params.name !== undefined ? { name: params.name } : {}),
    ...(params.expiresDays !== undefined ? { expiresDays: params.expiresDays } : {}),
    ...(params.instanceId !== undefined ? { instanceId: params.instanceId } : {}),
  });
  const expiresDays = input.expiresDays ?? API_TOKEN_DEFAULT_EXPIRY_DAYS;
  const instanceId = input.instanceId ?? null;
  const token = generateApiToken();
  const hint = token.slice(0, API_TOKEN_PREFIX.length + 4);
  const name = input.name ?? `${input.role} token`;
  return db.transaction(async (tx) => {
    let creatorInstanceId = params.creatorInstanceId ?? null;
    if (params.by.userId !== null) {
      // A login's tie as it is now, not as their session last saw it.
      const [creator] = await tx.select({ instanceId: users.instanceId }).from(users).where(eq(users.id, params.by.userId)).for('share');
      if (creator) creatorInstanceId = creator.instanceId;
    }
    if (creatorInstanceId !== null && creatorInstanceId !== instanceId) throw new InstanceTieWiderError(creatorInstanceId, instanceId);
    const instanceName = instanceId === null ? null : await getTieInstanceName(tx, instanceId);
    const [row] = await tx
      .insert(apiTokens)
      .values({
        name,
        role: input.role,
        tokenHash: hashApiToken(token),
        hint,
        createdBy: params.by.label,
        createdByUserId: params.by.userId,
        instanceId,
        expiresAt: sql`now() + make_interval(days => ${expiresDays})`,
      })
      .returning({ id: apiTokens.id, expiresAt: apiTokens.expiresAt });
    const tokenId = row!.id;
    await writeAuditEntry(tx, {
      action: 'token.create',
      by: params.by,
      target: { type: 'token', id: tokenId, label: name },
      details: { role: input.role, hint, expiresAt: row!.expiresAt.toISOString(), instanceId, ...(instanceName !== null ? { instanceName } : {}) },
    });
    return { tokenId, name, role: input.role, instanceId, token, hint, expiresAt: row!.expiresAt };
  });
}

/** Revokes an API token for good; the next request with it gets 401. Revoking a revoked token changes nothing. */
export async function revokeApiToken(db: DbOrTx, params: { tokenId: string; by: ChangedBy }): Promise<{ changed: boolean }> {
  const tokenId = parseAuthInput(apiTokenIdSchema, params.tokenId);
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: apiTokens.id, name: apiTokens.name, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(eq(apiTokens.id, tokenId))
      .for('update');
    const row = rows[0];
    if (!row) throw new TokenNotFoundError();
    if (row.revokedAt) return { changed: false };
    await tx.update(apiTokens).set({ revokedAt: sql`now()`, revokedBy: params.by.label }).where(eq(apiTokens.id, row.id));
    await writeAuditEntry(tx, { action: 'token.revoke', by: params.by, target: { type: 'token', id: row.id, label: row.name } });
    return { changed: true };
  });
}

export type ActiveApiToken = { tokenId: string; name: string; role: UserRole; instanceId: number | null };

/** `(token role, creator role)` pairs where the creator's role holds every permission of the token's role (lib/auth/permissions.ts). */
const COVERING_ROLE_PAIRS = sql.raw(
  USER_ROLES.flatMap((tokenRole) => rolesCovering(tokenRole).map((creatorRole) => `('${tokenRole}','${creatorRole}')`)).join(','),
);

/**
 * True (in SQL, over api_tokens left-joined to its creator in `users`) when the token's creator
 * still backs it: a token made on the screen works only while the admin who made it is enabled,
 * holds every permission of the token's role and is not tied to another instance than the token
 * (untied, or tied to the token's own: a tie given to the creator later cannot be escaped through
 * a token made before); one made by the command line has no creator. A creator row that cannot
 * be found counts as not backing it.
 */
export const apiTokenCreatorBacksItSql = sql<boolean>`(${apiTokens.createdByUserId} is null or (${users.disabled} = false and (${apiTokens.role}, ${users.role}) in (${COVERING_ROLE_PAIRS}) and (${users.instanceId} is null or coalesce(${users.instanceId} = ${apiTokens.instanceId}, false))))`;

/**
 * The token a bearer presents when it still works, looked up by its hash: not revoked, not
 * expired, and backed by its creator (apiTokenCreatorBacksItSql), all checked in the one query on
 * every request; undefined for anything else. Notes the use in `last_used_at`, at most once a
 * minute per token so busy clients do not write on every request.
 */
export async function findActiveApiToken(db: DbOrTx, token: string): Promise<ActiveApiToken | undefined> {
  if (!isApiTokenShaped(token)) return undefined;
  const rows = await db
    .select({ tokenId: apiTokens.id, name: apiTokens.name, role: apiTokens.role, instanceId: apiTokens.instanceId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdByUserId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashApiToken(token)),
        isNull(apiTokens.revokedAt),
        sql`${apiTokens.expiresAt} > now()`,
        apiTokenCreatorBacksItSql,
      ),
    );
  const row = rows[0];
  if (!row) return undefined;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiTokens.id, row.tokenId), sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '1 minute')`));
  }
  return { tokenId: row.tokenId, name: row.name, role: row.role, instanceId: row.instanceId };
}

/** Whether a token works now, for the tokens screen: the same rules as findActiveApiToken. */
export type ApiTokenState = 'active' | 'revoked' | 'expired' | 'creatorLostAccess';

/**
 * The API tokens, newest first, for the tokens screen: name, role, the token's first characters,
 * who made it and when, its use, expiry and state; never its hash.
 */
export async function listApiTokensWithState(db: DbOrTx) {
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      instanceId: apiTokens.instanceId,
      hint: apiTokens.hint,
      createdBy: apiTokens.createdBy,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
      isExpired: sql<boolean>`${apiTokens.expiresAt} <= now()`,
      isBacked: apiTokenCreatorBacksItSql,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdByUserId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(({ isExpired, isBacked, ...row }) => {
    const state: ApiTokenState = row.revokedAt ? 'revoked' : isExpired ? 'expired' : isBacked ? 'active' : 'creatorLostAccess';
    return { ...row, state };
  });
}
