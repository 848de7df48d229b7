'use server';

import { revalidatePath } from 'next/cache';
import { getActionTranslator } from '@/i18n/request-locale';
import { translatedValidationFailure } from '@/i18n/validation';
import { changedByOf } from '@/lib/auth/caller';
import * as apiTokens from '@/lib/auth/tokens';
import { createApiTokenFormSchema } from '@/lib/validation/admin';
import { actionSuccess, type ActionResult } from '@/lib/validation/result';
import { formFields, unexpectedFailure } from '@/server/action-support';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';

export type CreatedTokenResult = { name: string; token: string; expiresAt: string };

/**
 * Admin: creates an API token for a role, expiring after the chosen 30, 90 (default), 180 or 365
 * days; the token is returned here once and stored only as a hash. It works only while this admin
 * stays enabled and holds every permission of its role (lib/auth/tokens.ts).
 */
export async function createApiToken(_previous: ActionResult<CreatedTokenResult> | null, formData: FormData): Promise<ActionResult<CreatedTokenResult>> {
  const caller = await requirePermission('tokens.manage');
  const t = await getActionTranslator();
  const fields = formFields(formData, ['role', 'name', 'expiresDays']);
  const parsed = createApiTokenFormSchema.safeParse(fields);
  if (!parsed.success) return translatedValidationFailure(t, parsed.error, fields);
  let created: apiTokens.CreatedApiToken;
  try {
    created = await apiTokens.createApiToken(await getServerDb(), { ...parsed.data, by: changedByOf(caller) });
  } catch (e) {
    return unexpectedFailure(t, 'create API token', e);
  }
  revalidatePath('/admin/tokens');
  revalidatePath('/admin/audit');
  return actionSuccess({ name: created.name, token: created.token, expiresAt: created.expiresAt.toISOString() });
}
