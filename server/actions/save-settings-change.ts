'use server';

import { revalidatePath } from 'next/cache';
import { getActionTranslator } from '@/i18n/request-locale';
import { changedByOf } from '@/lib/auth/caller';
import { getEnv, retentionToday } from '@/lib/env';
import { SETTING_NAMES } from '@/lib/retention/settings';
import { changeSettings, type AppliedSettingChange } from '@/lib/settings/change-settings';
import { SettingsChangedMeanwhileError } from '@/lib/settings/errors';
import { computeSettingsWhatIf, type SettingsWhatIf } from '@/lib/settings/what-if';
import { parseSaveForm, SAVE_FORM_FIELDS } from '@/lib/validation/settings-form';
import { actionSuccess } from '@/lib/validation/result';
import { formFields, unexpectedFailure } from '@/server/action-support';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';
import { translateSettingsFormErrors, type SettingsActionFailure } from '@/server/settings-change-support';

export type SaveSettingsResult = { ok: true; data: { changed: AppliedSettingChange[]; whatIf: SettingsWhatIf } } | SettingsActionFailure;

/**
 * Admin: saves a settings change the admin previewed and confirmed (RETENTION.md, "Changing
 * settings"), with its reason, in the append-only audit log.
 *
 * The what-if is computed again here, not taken from the browser: it decides whether the change
 * goes beyond the circuit breaker (then the number of actors newly due must have been typed and
 * must be that number now) and what the save approves for the breaker. A change saved by someone
 * else since the preview (the hidden `expected_*` values differ) saves nothing and answers with
 * the new what-if, here and again inside changeSettings' transaction.
 */
export async function saveSettingsChange(_previous: SaveSettingsResult | null, formData: FormData): Promise<SaveSettingsResult> {
  const caller = await requirePermission('settings.change');
  const t = await getActionTranslator();
  const parsed = parseSaveForm(formFields(formData, SAVE_FORM_FIELDS));
  if (!parsed.ok) return translateSettingsFormErrors(t, parsed.errors);
  const { changes, expected, reason, confirmedActors } = parsed.form;

  const db = await getServerDb();
  const whatIfNow = () => computeSettingsWhatIf(db, { changes, asOf: retentionToday(), batchActors: getEnv().CLEANUP_BATCH_ACTORS });
  const changedMeanwhile = (whatIf: SettingsWhatIf): SettingsActionFailure => ({
    ok: false,
    formError: t('settings.errors.changedMeanwhile'),
    fieldErrors: {},
    code: 'changedMeanwhile',
    whatIf,
  });

  try {
    const whatIf = await whatIfNow();
    if (SETTING_NAMES.some((name) => whatIf.currentSettings[name] !== expected[name])) return changedMeanwhile(whatIf);
    if (whatIf.changes.length === 0) return translateSettingsFormErrors(t, { _form: 'noChange' });

    if (whatIf.exceedsBreaker) {
      if (confirmedActors === null)
        return { ok: false, formError: t('settings.errors.secondConfirmation'), fieldErrors: {}, code: 'secondConfirmation', whatIf };
      if (confirmedActors !== whatIf.newlyDue.actors)
        return {
          ok: false,
          formError: null,
          fieldErrors: { confirmedActors: [t('settings.errors.numberMismatch')] },
          code: 'numberMismatch',
          whatIf,
        };
    }

    let changed: AppliedSettingChange[];
    try {
      ({ changed } = await changeSettings(db, {
        changes,
        reason,
        by: changedByOf(caller).label,
        expected,
        // As on the command line: the confirmed what-if approves the removals the change newly makes
        // due, not the backlog already due with the current values (RETENTION.md, "Circuit breaker").
        approvedRemovals: whatIf.newlyDue.actors,
        dueBefore: whatIf.current.actors,
      }));
    } catch (e) {
      if (e instanceof SettingsChangedMeanwhileError) return changedMeanwhile(await whatIfNow());
      throw e;
    }
    revalidatePath('/settings');
    revalidatePath('/');
    revalidatePath('/admin/audit');
    return actionSuccess({ changed, whatIf });
  } catch (e) {
    return unexpectedFailure(t, 'save settings change', e);
  }
}
