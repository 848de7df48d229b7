'use server';

import { revalidatePath } from 'next/cache';
import { getActionTranslator } from '@/i18n/request-locale';
import { ActorNotFoundError, NoLegalHoldError, RequestInputError } from '@/lib/requests/requests';
import { parseReleaseForm, RELEASE_FORM_FIELDS } from '@/lib/validation/requests';
import { actionFailure, actionSuccess, type ActionResult } from '@/lib/validation/result';
import { formFields, unexpectedFailure } from '@/server/action-support';
import { requirePermission } from '@/server/auth/require-permission';
import { liftLegalHold } from '@/server/data/requests';
import { translateRequestFormErrors } from '@/server/request-support';

export type ReleaseLegalHoldResult = ActionResult<{ released: true }>;

/** Admin: releases the actor's legal hold, with a reason (RETENTION.md, "Legal hold"); audited by the hold's own id. */
export async function releaseLegalHold(_previous: ReleaseLegalHoldResult | null, formData: FormData): Promise<ReleaseLegalHoldResult> {
  const caller = await requirePermission('actor.legal_hold');
  const t = await getActionTranslator();
  const parsed = parseReleaseForm(formFields(formData, RELEASE_FORM_FIELDS));
  if (!parsed.ok) return translateRequestFormErrors(t, parsed.errors);
  const { actorId, reason } = parsed.form;
  try {
    try {
      await liftLegalHold(caller, { actorId, reason, via: 'screen' });
    } catch (e) {
      if (e instanceof NoLegalHoldError) return actionFailure(t('actors.requests.errors.noHold'));
      if (e instanceof ActorNotFoundError) return actionFailure(t('actors.requests.errors.actorNotFound'));
      if (e instanceof RequestInputError) return translateRequestFormErrors(t, { reason: 'reasonBad' });
      throw e;
    }
    revalidatePath(`/actors/${actorId}`);
    revalidatePath('/');
    revalidatePath('/cleanup');
    return actionSuccess({ released: true as const });
  } catch (e) {
    return unexpectedFailure(t, 'release legal hold', e);
  }
}
