'use server';

import { revalidatePath } from 'next/cache';
import { getActionTranslator } from '@/i18n/request-locale';
import { translatedValidationFailure } from '@/i18n/validation';
import { changedByOf } from '@/lib/auth/caller';
import { LastAdminError, UserNotFoundError } from '@/lib/auth/errors';
import * as logins from '@/lib/auth/users';
import { userIdFormSchema } from '@/lib/validation/admin';
import { actionFailure, actionSuccess, type ActionResult } from '@/lib/validation/result';
import { formFields, unexpectedFailure } from '@/server/action-support';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';

/**
 * Admin: disables a login and deletes its sessions, so they are signed out on their next request.
 * Refuses the admin's own login and the last admin.
 */
export async function disableUser(_previous: ActionResult<{ changed: boolean }> | null, formData: FormData): Promise<ActionResult<{ changed: boolean }>> {
  const caller = await requirePermission('users.manage');
  const t = await getActionTranslator();
  const fields = formFields(formData, ['userId']);
  const parsed = userIdFormSchema.safeParse(fields);
  if (!parsed.success) return translatedValidationFailure(t, parsed.error, fields);
  if (caller.kind === 'user' && caller.userId === parsed.data.userId) return actionFailure(t('admin.notYourself'));
  let changed: boolean;
  try {
    ({ changed } = await logins.disableUser(await getServerDb(), { userId: parsed.data.userId, by: changedByOf(caller) }));
  } catch (e) {
    if (e instanceof UserNotFoundError) return actionFailure(t('admin.notFoundUser'));
    if (e instanceof LastAdminError) return actionFailure(t('admin.lastAdmin'));
    return unexpectedFailure(t, 'disable user', e);
  }
  revalidatePath('/admin/users');
  revalidatePath('/admin/audit');
  return actionSuccess({ changed });
}
