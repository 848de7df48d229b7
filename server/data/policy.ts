import 'server-only';
import { getEnv } from '@/lib/env';
import { getPolicyDocument, type PolicyDocument } from '@/lib/policy/document';
import { getServerDb } from '@/server/db';

/**
 * The retention policy computed from the settings in force now (the screen and GET
 * /api/v1/policy). The callers ask for `policy.read` first.
 */
export async function getPolicy(): Promise<PolicyDocument & { timeZone: string }> {
  const db = await getServerDb();
  return { ...(await getPolicyDocument(db)), timeZone: getEnv().RETENTION_TIME_ZONE };
}
