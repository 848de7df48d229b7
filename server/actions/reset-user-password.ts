'use server';

import { revalidatePath } from 'next/cache';
import { getActionTranslator } from '@/i18n/request-locale';
import { translatedValidationFailure } from '@/i18n/validation';
import { changedByOf } from '@/lib/auth/caller';
import { UserNotFoundError } from '@/lib/auth/errors';
import * as logins from '@/lib/auth/users';
import { userIdFormSchema } from '@/lib/validation/admin';
import { actionFailure, actionSuccess, type ActionResult } from '@/lib/validation/result';
import { formFields, unexpectedFailure } from '@/server/action-support';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';

export type ResetPasswordResult = { oneTimePassword: string };

/**
 * Admin: gives a login a new one-time password (returned here once, to be shown once) that must
 * be changed at the next sign-in, and signs them out everywhere. Not for the admin's own login:
 * they change their own password instead.
 */
export async function resetUserPassword(_previous: ActionResult<ResetPasswordResult> | null, formData: FormData): Promise<ActionResult<ResetPasswordResult>> {
  const caller = await requirePermission('users.manage');
  const t = await getActionTranslator();
  const fields = formFields(formData, ['userId']);
  const parsed = userIdFormSchema.safeParse(fields);
  if (!parsed.success) return translatedValidationFailure(t, parsed.error, fields);
  if (caller.kind === 'user' && caller.userId === parsed.data.userId) return actionFailure(t('admin.notYourself'));
  let oneTimePassword: string;
  try {
    ({ oneTimePassword } = await logins.resetPassword(await getServerDb(), { userId: parsed.data.userId, by: changedByOf(caller) }));
  } catch (e) {
    if (e instanceof UserNotFoundError) return actionFailure(t('admin.notFoundUser'));
    return unexpectedFailure(t, 'reset user password', e);
  }
  revalidatePath('/admin/users');
  revalidatePath('/admin/audit');
  return actionSuccess({ oneTimePassword });
}
