'use server';

import { revalidatePath } from 'next/cache';
import { getActionTranslator } from '@/i18n/request-locale';
import { translatedValidationFailure } from '@/i18n/validation';
import { listInstances } from '@/db/queries/instances';
import { changedByOf } from '@/lib/auth/caller';
import { InstanceTieWiderError, UnknownInstanceError } from '@/lib/auth/errors';
import * as apiTokens from '@/lib/auth/tokens';
import { createApiTokenFormSchema } from '@/lib/validation/admin';
import { actionFailure, actionSuccess, type ActionResult } from '@/lib/validation/result';
import { formFields, unexpectedFailure } from '@/server/action-support';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';

export type CreatedTokenResult = { name: string; token: string; expiresAt: string };

/**
 * Admin: creates an API token for a role, expiring after the chosen 30, 90 (default), 180 or 365
 * days, tied to the chosen library instance or to none; the token is returned here once and stored
 * only as a hash. It works only while this admin stays enabled, holds every permission of its role
 * and is not tied to another instance (lib/auth/tokens.ts). An admin tied to an instance may only
 * make tokens tied to it.
 */
export async function createApiToken(_previous: ActionResult<CreatedTokenResult> | null, formData: FormData): Promise<ActionResult<CreatedTokenResult>> {
  const caller = await requirePermission('tokens.manage');
  const t = await getActionTranslator();
  const fields = formFields(formData, ['role', 'name', 'expiresDays', 'instanceId']);
  const parsed = createApiTokenFormSchema.safeParse(fields);
  if (!parsed.success) return translatedValidationFailure(t, parsed.error, fields);
  const db = await getServerDb();
  let created: apiTokens.CreatedApiToken;
  try {
    created = await apiTokens.createApiToken(db, { ...parsed.data, creatorInstanceId: caller.instanceId, by: changedByOf(caller) });
  } catch (e) {
    if (e instanceof UnknownInstanceError) return actionFailure(null, { instanceId: [t('validation.instanceId.unknown')] });
    if (e instanceof InstanceTieWiderError) {
      const name = (await listInstances(db)).find((i) => i.id === e.creatorInstanceId)?.name ?? `#${e.creatorInstanceId}`;
      return actionFailure(null, { instanceId: [t('validation.instanceId.wider', { name })] });
    }
    return unexpectedFailure(t, 'create API token', e);
  }
  revalidatePath('/admin/tokens');
  revalidatePath('/admin/audit');
  return actionSuccess({ name: created.name, token: created.token, expiresAt: created.expiresAt.toISOString() });
}
