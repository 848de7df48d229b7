'use server';

import { revalidatePath } from 'next/cache';
import { getActionTranslator } from '@/i18n/request-locale';
import { translatedValidationFailure } from '@/i18n/validation';
import { changedByOf } from '@/lib/auth/caller';
import { EmailTakenError, UnknownInstanceError } from '@/lib/auth/errors';
import * as logins from '@/lib/auth/users';
import { createUserFormSchema } from '@/lib/validation/admin';
import { actionFailure, actionSuccess, type ActionResult } from '@/lib/validation/result';
import { formFields, unexpectedFailure } from '@/server/action-support';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';

export type CreatedUserResult = { email: string; oneTimePassword: string };

/**
 * Admin: creates a login with a one-time password, returned here once (to be shown once) and
 * stored only as a hash, tied to the chosen library instance or to none; the audit log records
 * who created it.
 */
export async function createUser(_previous: ActionResult<CreatedUserResult> | null, formData: FormData): Promise<ActionResult<CreatedUserResult>> {
  const caller = await requirePermission('users.manage');
  const t = await getActionTranslator();
  const fields = formFields(formData, ['email', 'role', 'name', 'instanceId']);
  const parsed = createUserFormSchema.safeParse(fields);
  if (!parsed.success) return translatedValidationFailure(t, parsed.error, fields);
  let created: logins.CreatedUser;
  try {
    created = await logins.createUser(await getServerDb(), { ...parsed.data, by: changedByOf(caller) });
  } catch (e) {
    if (e instanceof EmailTakenError) return actionFailure(null, { email: [t('validation.email.taken')] });
    if (e instanceof UnknownInstanceError) return actionFailure(null, { instanceId: [t('validation.instanceId.unknown')] });
    return unexpectedFailure(t, 'create user', e);
  }
  revalidatePath('/admin/users');
  revalidatePath('/admin/audit');
  return actionSuccess({ email: created.email, oneTimePassword: created.oneTimePassword });
}
