'use server';

import { revalidatePath } from 'next/cache';
import { getActionTranslator } from '@/i18n/request-locale';
import { translatedValidationFailure } from '@/i18n/validation';
import { changedByOf } from '@/lib/auth/caller';
import { TokenNotFoundError } from '@/lib/auth/errors';
import * as apiTokens from '@/lib/auth/tokens';
import { revokeApiTokenFormSchema } from '@/lib/validation/admin';
import { actionFailure, actionSuccess, type ActionResult } from '@/lib/validation/result';
import { formFields, unexpectedFailure } from '@/server/action-support';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';

/** Admin: revokes an API token for good; the next request with it gets 401. */
export async function revokeApiToken(_previous: ActionResult<{ changed: boolean }> | null, formData: FormData): Promise<ActionResult<{ changed: boolean }>> {
  const caller = await requirePermission('tokens.manage');
  const t = await getActionTranslator();
  const fields = formFields(formData, ['tokenId']);
  const parsed = revokeApiTokenFormSchema.safeParse(fields);
  if (!parsed.success) return translatedValidationFailure(t, parsed.error, fields);
  let changed: boolean;
  try {
    ({ changed } = await apiTokens.revokeApiToken(await getServerDb(), { tokenId: parsed.data.tokenId, by: changedByOf(caller) }));
  } catch (e) {
    if (e instanceof TokenNotFoundError) return actionFailure(t('admin.notFoundToken'));
    return unexpectedFailure(t, 'revoke API token', e);
  }
  revalidatePath('/admin/tokens');
  revalidatePath('/admin/audit');
  return actionSuccess({ changed });
}
