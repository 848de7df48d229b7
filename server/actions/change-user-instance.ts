'use server';

import { revalidatePath } from 'next/cache';
import { getActionTranslator } from '@/i18n/request-locale';
import { translatedValidationFailure } from '@/i18n/validation';
import { changedByOf } from '@/lib/auth/caller';
import { UnknownInstanceError, UserNotFoundError } from '@/lib/auth/errors';
import * as logins from '@/lib/auth/users';
import { changeUserInstanceFormSchema } from '@/lib/validation/admin';
import { actionFailure, actionSuccess, type ActionResult } from '@/lib/validation/result';
import { formFields, unexpectedFailure } from '@/server/action-support';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';

export type ChangedUserInstanceResult = { changed: boolean; instanceId: number | null };

/**
 * Admin: ties a login to one library instance, or unties it ('' : all instances), effective on
 * their next request (the tie is read on every request); audited. Refuses the admin's own login,
 * as a role change does: an admin tied to an instance must not untie themselves.
 */
export async function changeUserInstance(
  _previous: ActionResult<ChangedUserInstanceResult> | null,
  formData: FormData,
): Promise<ActionResult<ChangedUserInstanceResult>> {
  const caller = await requirePermission('users.manage');
  const t = await getActionTranslator();
  const fields = formFields(formData, ['userId', 'instanceId']);
  const parsed = changeUserInstanceFormSchema.safeParse(fields);
  if (!parsed.success) return translatedValidationFailure(t, parsed.error, fields);
  if (caller.kind === 'user' && caller.userId === parsed.data.userId) return actionFailure(t('admin.notYourself'));
  let changed: boolean;
  try {
    ({ changed } = await logins.setUserInstance(await getServerDb(), { ...parsed.data, by: changedByOf(caller) }));
  } catch (e) {
    if (e instanceof UserNotFoundError) return actionFailure(t('admin.notFoundUser'));
    if (e instanceof UnknownInstanceError) return actionFailure(null, { instanceId: [t('validation.instanceId.unknown')] });
    return unexpectedFailure(t, 'change user instance', e);
  }
  revalidatePath('/admin/users');
  revalidatePath('/admin/audit');
  return actionSuccess({ changed, instanceId: parsed.data.instanceId });
}
