import 'server-only';
import { getAuditEntries, type AuditEntryRow } from '@/db/queries/audit';
import { listInstances } from '@/db/queries/instances';
import { listUsers } from '@/db/queries/users';
import { listApiTokensWithState, type ApiTokenState } from '@/lib/auth/tokens';
import { getEnv } from '@/lib/env';
import type { UserRole } from '@/lib/auth/permissions';
import type { AuditFilters } from '@/lib/validation/audit';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';

/*
 * The admin screens' reads. Each asks for its permission first and returns only what the screen
 * shows: never a password hash, a token hash or a session.
 */

/** A library instance a login or token may be tied to, for the screens' choice. */
export type AdminInstance = { id: number; name: string };

/**
 * A login's or token's tie as the screens show it: null when not tied (all instances); else the
 * instance's id and name, the name null when the instance no longer exists (`load --replace`).
 */
export type AdminInstanceTie = { id: number; name: string | null } | null;

function tieOf(instanceId: number | null, byId: Map<number, string>): AdminInstanceTie {
  return instanceId === null ? null : { id: instanceId, name: byId.get(instanceId) ?? null };
}

export type AdminUser = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  isDisabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  /** The library instance the login is tied to (its selections and exports only); null: all. */
  instance: AdminInstanceTie;
  /** The signed-in admin's own login (which the screen does not offer to disable or demote). */
  isSelf: boolean;
};

/** The logins, by email, for /admin/users, and the instances they may be tied to. */
export async function getAdminUsers(): Promise<{ users: AdminUser[]; instances: AdminInstance[]; timeZone: string }> {
  const caller = await requirePermission('users.manage');
  const db = await getServerDb();
  const [rows, instances] = await Promise.all([listUsers(db), listInstances(db)]);
  const byId = new Map(instances.map((i) => [i.id, i.name]));
  const selfId = caller.kind === 'user' ? caller.userId : null;
  return {
    instances,
    users: rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      role: r.role,
      isDisabled: r.disabled,
      mustChangePassword: r.mustChangePassword,
      createdAt: r.createdAt.toISOString(),
      instance: tieOf(r.instanceId, byId),
      isSelf: r.id === selfId,
    })),
    timeZone: getEnv().RETENTION_TIME_ZONE,
  };
}

export type AdminApiToken = {
  id: string;
  name: string;
  role: UserRole;
  hint: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string;
  /** The library instance the token is tied to; null: all. */
  instance: AdminInstanceTie;
  /** Whether it works now: revoked, expired, or its creator was disabled, lost a permission of its role or was tied to another instance. */
  state: ApiTokenState;
};

/**
 * The API tokens, newest first, for /admin/tokens: the hint (first characters), never the hash;
 * the instances a new token may be tied to, and the signed-in admin's own tie (a token they make
 * must have the same: lib/auth/tokens.ts).
 */
export async function getAdminApiTokens(): Promise<{ tokens: AdminApiToken[]; instances: AdminInstance[]; callerInstanceId: number | null; timeZone: string }> {
  const caller = await requirePermission('tokens.manage');
  const db = await getServerDb();
  const [rows, instances] = await Promise.all([listApiTokensWithState(db), listInstances(db)]);
  const byId = new Map(instances.map((i) => [i.id, i.name]));
  return {
    instances,
    callerInstanceId: caller.kind === 'user' ? caller.instanceId : null,
    tokens: rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      hint: r.hint,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
      expiresAt: r.expiresAt.toISOString(),
      instance: tieOf(r.instanceId, byId),
      state: r.state,
    })),
    timeZone: getEnv().RETENTION_TIME_ZONE,
  };
}

/** How many audit entries the screen shows at most. */
export const AUDIT_SCREEN_LIMIT = 200;

export type AuditScreenEntry = {
  key: string;
  kind: AuditEntryRow['kind'];
  at: string;
  by: string;
  action: string;
  target: string;
  details: Record<string, string | number | boolean | null>;
};

/**
 * An entry's instance ids with their names where the entry was written without one (the demo's
 * logins, say), so the screen never shows a bare "#1"; a name kept in the entry wins (the instance
 * may have been renamed since).
 */
function withInstanceNames(details: AuditScreenEntry['details'], byId: Map<number, string>): AuditScreenEntry['details'] {
  const out = { ...details };
  const fill = (idKey: string, nameKey: string) => {
    const id = out[idKey];
    if (typeof id === 'number' && typeof out[nameKey] !== 'string' && byId.has(id)) out[nameKey] = byId.get(id)!;
  };
  fill('instanceId', 'instanceName');
  fill('instanceFrom', 'instanceFromName');
  fill('instanceTo', 'instanceName');
  return out;
}

/** The audit log, newest first, filtered by kind and by days in the system time zone, for /admin/audit. */
export async function getAuditLog(filters: AuditFilters): Promise<{ entries: AuditScreenEntry[]; isLimited: boolean; limit: number; timeZone: string }> {
  await requirePermission('logs.read');
  const timeZone = getEnv().RETENTION_TIME_ZONE;
  const db = await getServerDb();
  const [rows, instances] = await Promise.all([
    getAuditEntries(db, {
      limit: AUDIT_SCREEN_LIMIT + 1,
      ...(filters.kind ? { kinds: [filters.kind] } : {}),
      ...(filters.from ? { fromDate: filters.from } : {}),
      ...(filters.to ? { toDate: filters.to } : {}),
      timeZone,
    }),
    listInstances(db),
  ]);
  const byId = new Map(instances.map((i) => [i.id, i.name]));
  const entries = rows.slice(0, AUDIT_SCREEN_LIMIT).map((r) => ({
    key: `${r.kind}-${r.id}`,
    kind: r.kind,
    at: r.at.toISOString(),
    by: r.by,
    action: r.action,
    target: r.target,
    details: withInstanceNames(
      Object.fromEntries(
        Object.entries(r.details).filter((entry): entry is [string, string | number | boolean | null] =>
          ['string', 'number', 'boolean'].includes(typeof entry[1]) || entry[1] === null,
        ),
      ),
      byId,
    ),
  }));
  return { entries, isLimited: rows.length > AUDIT_SCREEN_LIMIT, limit: AUDIT_SCREEN_LIMIT, timeZone };
}
