'use server';

import { revalidatePath } from 'next/cache';
import { formatIsoDate } from '@/i18n/format';
import { getActionTranslator, getRequestLocale } from '@/i18n/request-locale';
import { ActorNotFoundError, RemovalRequestExistsError, RequestInputError } from '@/lib/requests/requests';
import type { IsoDate } from '@/lib/retention/dates';
import { parseRemovalForm, REMOVAL_FORM_FIELDS } from '@/lib/validation/requests';
import { actionFailure, actionSuccess, type ActionResult } from '@/lib/validation/result';
import { formFields, unexpectedFailure } from '@/server/action-support';
import { requirePermission } from '@/server/auth/require-permission';
import { previewRemovalRequest, requestRemoval as recordRequest, type RemovalPreview } from '@/server/data/requests';
import { translateRequestFormErrors } from '@/server/request-support';

export type RequestRemovalResult = ActionResult<
  | { stage: 'preview'; preview: Extract<RemovalPreview, { alreadyRequestedOn: null }> }
  | { stage: 'saved'; requestedOn: IsoDate; removal: { due: boolean; date: IsoDate | null } }
>;

/**
 * Support, admin: records the actor's removal request (RETENTION.md, "Removal on request") in two
 * steps. Without `confirmed=yes` nothing is saved: the answer is what the request would do, computed
 * now by the engine with a request dated today ("removed by the next run" or "kept until …"
 * with each reason). With it the request is recorded, dated today, in the audit log by its own id.
 * A second request is refused (a request cannot be withdrawn).
 */
export async function requestRemoval(_previous: RequestRemovalResult | null, formData: FormData): Promise<RequestRemovalResult> {
  const caller = await requirePermission('actor.request_removal');
  const t = await getActionTranslator();
  const parsed = parseRemovalForm(formFields(formData, REMOVAL_FORM_FIELDS));
  if (!parsed.ok) return translateRequestFormErrors(t, parsed.errors);
  const { actorId, reason, confirmed } = parsed.form;
  const locale = await getRequestLocale();
  const exists = (on: IsoDate) => actionFailure(t('actors.requests.errors.requestExists', { date: formatIsoDate(locale, on) }));
  try {
    if (!confirmed) {
      const preview = await previewRemovalRequest(caller, { actorId, via: 'screen' });
      if (!preview.found) return actionFailure(t('actors.requests.errors.actorNotFound'));
      if (preview.alreadyRequestedOn !== null) return exists(preview.alreadyRequestedOn);
      return actionSuccess({ stage: 'preview' as const, preview });
    }
    try {
      const report = await recordRequest(caller, { actorId, reason, via: 'screen' });
      if (!report.found) return actionFailure(t('actors.requests.errors.actorNotFound'));
      revalidatePath(`/actors/${actorId}`);
      revalidatePath('/');
      revalidatePath('/cleanup');
      return actionSuccess({ stage: 'saved' as const, requestedOn: report.removal.requestedOn ?? report.asOf, removal: { due: report.removal.due, date: report.removal.date } });
    } catch (e) {
      if (e instanceof RemovalRequestExistsError) return exists(e.requestedOn);
      if (e instanceof ActorNotFoundError) return actionFailure(t('actors.requests.errors.actorNotFound'));
      if (e instanceof RequestInputError) return translateRequestFormErrors(t, { reason: 'reasonBad' });
      throw e;
    }
  } catch (e) {
    return unexpectedFailure(t, 'request removal', e);
  }
}
