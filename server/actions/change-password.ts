'use server';

import { redirect } from 'next/navigation';
import { getActionTranslator } from '@/i18n/request-locale';
import { translatedValidationFailure } from '@/i18n/validation';
import { InvalidAuthInputError, OneTimePasswordExpiredError, UserNotFoundError, WrongPasswordError } from '@/lib/auth/errors';
import { changeOwnPassword } from '@/lib/auth/users';
import { logUnexpectedError } from '@/lib/errors';
import { changePasswordSchema, safeNextPath } from '@/lib/validation/auth';
import { actionFailure, type ActionResult } from '@/lib/validation/result';
import { formFields } from '@/server/action-support';
import { requireSignedInUser } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';

/**
 * The signed-in user chooses their own password (also the way out of a one-time password): the
 * current one must be right; their other sessions are signed out, this one stays.
 */
export async function changePassword(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const caller = await requireSignedInUser();
  const t = await getActionTranslator();
  const fields = formFields(formData, ['currentPassword', 'newPassword', 'confirmPassword']);
  const parsed = changePasswordSchema.safeParse(fields);
  if (!parsed.success) return translatedValidationFailure(t, parsed.error, fields);
  try {
    await changeOwnPassword(await getServerDb(), {
      userId: caller.userId,
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.newPassword,
      keepSessionId: caller.sessionId,
    });
  } catch (e) {
    if (e instanceof WrongPasswordError) return actionFailure(null, { currentPassword: [t('auth.wrongCurrentPassword')] });
    if (e instanceof OneTimePasswordExpiredError) return actionFailure(t('auth.oneTimePasswordExpired'));
    if (e instanceof InvalidAuthInputError) return actionFailure(null, { newPassword: [t('validation.newPassword.invalid')] });
    if (e instanceof UserNotFoundError) redirect('/login');
    logUnexpectedError('action change password', e);
    return actionFailure(t('auth.changePasswordFailed'));
  }
  redirect(safeNextPath(formData.get('next')));
}
