import type { DbOrTx } from '../../db/client';
import { auditLog, type AuditAction, type AuditDetails, type AuditTargetType } from '../../db/schema/auth';

/**
 * Who makes a change: a signed-in user (their email and id), an API token ("token <name>") or a
 * command ("cli root"). Kept in the audit log.
 */
export type ChangedBy = { label: string; userId: string | null };

export type AuditEntry = {
  action: AuditAction;
  by: ChangedBy;
  target: { type: AuditTargetType; id: string; label: string };
  /** What changed, never a password, a token or a hash of one. */
  details?: AuditDetails;
};

/** Appends one entry to the audit log; call it with the transaction of the change it records. */
export async function writeAuditEntry(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    changedBy: entry.by.label,
    changedByUserId: entry.by.userId,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id,
    targetLabel: entry.target.label,
    details: entry.details ?? {},
  });
}
