'use server';

import { revalidatePath } from 'next/cache';
import { getActionTranslator } from '@/i18n/request-locale';
import { translatedValidationFailure } from '@/i18n/validation';
import { changedByOf } from '@/lib/auth/caller';
import { LastAdminError, UserNotFoundError } from '@/lib/auth/errors';
import type { UserRole } from '@/lib/auth/permissions';
import * as logins from '@/lib/auth/users';
import { changeUserRoleFormSchema } from '@/lib/validation/admin';
import { actionFailure, actionSuccess, type ActionResult } from '@/lib/validation/result';
import { formFields, unexpectedFailure } from '@/server/action-support';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';

/**
 * Admin: gives a login another role, effective on their next request (roles are read on every
 * request). Refuses the admin's own login (they would lock themselves out) and the last admin.
 */
export async function changeUserRole(
  _previous: ActionResult<{ changed: boolean; role: UserRole }> | null,
  formData: FormData,
): Promise<ActionResult<{ changed: boolean; role: UserRole }>> {
  const caller = await requirePermission('users.manage');
  const t = await getActionTranslator();
  const fields = formFields(formData, ['userId', 'role']);
  const parsed = changeUserRoleFormSchema.safeParse(fields);
  if (!parsed.success) return translatedValidationFailure(t, parsed.error, fields);
  if (caller.kind === 'user' && caller.userId === parsed.data.userId) return actionFailure(t('admin.notYourself'));
  let changed: boolean;
  try {
    ({ changed } = await logins.setUserRole(await getServerDb(), { ...parsed.data, by: changedByOf(caller) }));
  } catch (e) {
    if (e instanceof UserNotFoundError) return actionFailure(t('admin.notFoundUser'));
    if (e instanceof LastAdminError) return actionFailure(t('admin.lastAdmin'));
    return unexpectedFailure(t, 'change user role', e);
  }
  revalidatePath('/admin/users');
  revalidatePath('/admin/audit');
  return actionSuccess({ changed, role: parsed.data.role });
}
