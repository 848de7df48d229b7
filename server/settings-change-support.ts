import 'server-only';
import type { MessageTranslator } from '@/i18n/messages';
import { SETTING_MAX, SETTING_NAMES, SETTING_UNIT, type SettingName } from '@/lib/retention/settings';
import type { SettingsWhatIf } from '@/lib/settings/what-if';
import type { SettingsFormErrors } from '@/lib/validation/settings-form';

/*
 * Shared by the two actions of the settings screen (preview-settings-change, save-settings-change);
 * a 'use server' file may only export actions.
 */

/** A failure of the settings actions: the ActionResult failure, with a code and the fresh what-if where the screen must show it again. */
export type SettingsActionFailure = {
  ok: false;
  formError: string | null;
  fieldErrors: Record<string, string[]>;
  /**
   * changedMeanwhile: another change was saved since the what-if; secondConfirmation: the change
   * goes beyond the circuit breaker and the number was not confirmed; numberMismatch: the number
   * typed is not the number of actors newly due (now).
   */
  code?: 'changedMeanwhile' | 'secondConfirmation' | 'numberMismatch';
  whatIf?: SettingsWhatIf;
};

/** The form's problems in the user's language, keyed by field (`_form` becomes the form error). */
export function translateSettingsFormErrors(t: MessageTranslator, errors: SettingsFormErrors): SettingsActionFailure {
  const fieldErrors: Record<string, string[]> = {};
  let formError: string | null = null;
  for (const [field, problem] of Object.entries(errors)) {
    if (!problem) continue;
    let message: string;
    if ((problem === 'value' || problem === 'required') && isSettingField(field)) {
      const name: SettingName = field;
      const max = SETTING_MAX[name];
      message = SETTING_UNIT[name] === 'days' ? t('settings.errors.valueDays', { max }) : t('settings.errors.valueMonths', { max });
    } else message = t(`settings.errors.${problem}`);
    if (field === '_form') formError = message;
    else fieldErrors[field] = [message];
  }
  return { ok: false, formError, fieldErrors };
}

export const isSettingField = (field: string): field is SettingName => (SETTING_NAMES as readonly string[]).includes(field);
