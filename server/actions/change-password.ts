'use server';

import { redirect } from 'next/navigation';
import { InvalidAuthInputError, UserNotFoundError, WrongPasswordError } from '@/lib/auth/errors';
import { changeOwnPassword } from '@/lib/auth/users';
import { changePasswordSchema, safeNextPath } from '@/lib/validation/auth';
import { actionFailure, validationFailure, type ActionResult } from '@/lib/validation/result';
import { requireSignedInUser } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';

/**
 * The signed-in user chooses their own password (also the way out of a one-time password): the
 * current one must be right; their other sessions are signed out, this one stays.
 */
export async function changePassword(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const caller = await requireSignedInUser();
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get('currentPassword'),
    newPassword: formData.get('newPassword'),
    confirmPassword: formData.get('confirmPassword'),
  });
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    await changeOwnPassword(await getServerDb(), {
      userId: caller.userId,
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.newPassword,
      keepSessionId: caller.sessionId,
    });
  } catch (e) {
    if (e instanceof WrongPasswordError) return actionFailure(null, { currentPassword: ['The current password is not right.'] });
    if (e instanceof InvalidAuthInputError) return actionFailure(null, { newPassword: Object.values(e.fieldErrors).flat() });
    if (e instanceof UserNotFoundError) redirect('/login');
    console.error('change password failed', e);
    return actionFailure('Changing the password did not work just now. Try again in a moment.');
  }
  redirect(safeNextPath(formData.get('next')));
}
