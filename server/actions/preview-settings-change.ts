'use server';

import { getActionTranslator } from '@/i18n/request-locale';
import { getEnv, retentionToday } from '@/lib/env';
import { SETTING_NAMES } from '@/lib/retention/settings';
import { computeSettingsWhatIf, type SettingsWhatIf } from '@/lib/settings/what-if';
import { parseProposedValues } from '@/lib/validation/settings-form';
import { actionSuccess } from '@/lib/validation/result';
import { formFields, unexpectedFailure } from '@/server/action-support';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';
import { translateSettingsFormErrors, type SettingsActionFailure } from '@/server/settings-change-support';

export type PreviewSettingsResult = { ok: true; data: SettingsWhatIf } | SettingsActionFailure;

/**
 * Admin: what a settings change would do as of today (RETENTION.md, "Changing settings"): actors
 * and records per category newly due, counted with the cleanup's own predicates. Changes nothing.
 * Only admins: it is the first step of a change, and on a large library it costs seconds of work.
 */
export async function previewSettingsChange(_previous: PreviewSettingsResult | null, formData: FormData): Promise<PreviewSettingsResult> {
  await requirePermission('settings.change');
  const t = await getActionTranslator();
  const parsed = parseProposedValues(formFields(formData, SETTING_NAMES));
  if (!parsed.ok) return translateSettingsFormErrors(t, parsed.errors);
  try {
    const whatIf = await computeSettingsWhatIf(await getServerDb(), {
      changes: parsed.changes,
      asOf: retentionToday(),
      batchActors: getEnv().CLEANUP_BATCH_ACTORS,
    });
    if (whatIf.changes.length === 0) return translateSettingsFormErrors(t, { _form: 'noChange' });
    return actionSuccess(whatIf);
  } catch (e) {
    return unexpectedFailure(t, 'preview settings change', e);
  }
}
