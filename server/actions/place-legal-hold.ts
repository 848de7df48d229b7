'use server';

import { revalidatePath } from 'next/cache';
import { getActionTranslator } from '@/i18n/request-locale';
import { retentionToday } from '@/lib/env';
import { ActorNotFoundError, RequestInputError } from '@/lib/requests/requests';
import type { IsoDate } from '@/lib/retention/dates';
import { HOLD_FORM_FIELDS, parseHoldForm } from '@/lib/validation/requests';
import { actionFailure, actionSuccess, type ActionResult } from '@/lib/validation/result';
import { formFields, unexpectedFailure } from '@/server/action-support';
import { requirePermission } from '@/server/auth/require-permission';
import { placeLegalHold as placeHold } from '@/server/data/requests';
import { translateRequestFormErrors } from '@/server/request-support';

export type PlaceLegalHoldResult = ActionResult<{ until: IsoDate | null }>;

/**
 * Admin: places a legal hold on the actor, or changes the end date (and reason) of the one placed
 * (RETENTION.md, "Legal hold"). The end date must be after today; empty is a hold without end.
 * Audited by the hold's own id.
 */
export async function placeLegalHold(_previous: PlaceLegalHoldResult | null, formData: FormData): Promise<PlaceLegalHoldResult> {
  const caller = await requirePermission('actor.legal_hold');
  const t = await getActionTranslator();
  const parsed = parseHoldForm(formFields(formData, HOLD_FORM_FIELDS), retentionToday());
  if (!parsed.ok) return translateRequestFormErrors(t, parsed.errors);
  const { actorId, until, reason } = parsed.form;
  try {
    try {
      await placeHold(caller, { actorId, until, reason, via: 'screen' });
    } catch (e) {
      if (e instanceof ActorNotFoundError) return actionFailure(t('actors.requests.errors.actorNotFound'));
      if (e instanceof RequestInputError) return translateRequestFormErrors(t, e.field === 'until' ? { until: 'untilNotAfterToday' } : { reason: 'reasonBad' });
      throw e;
    }
    revalidatePath(`/actors/${actorId}`);
    revalidatePath('/');
    revalidatePath('/cleanup');
    return actionSuccess({ until });
  } catch (e) {
    return unexpectedFailure(t, 'place legal hold', e);
  }
}
