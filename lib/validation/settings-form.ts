import { SETTING_NAMES, type RetentionSettings, type SettingName } from '../retention/settings';
import { checkSettingValue, settingsReasonSchema } from './settings';

/*
 * The fields of the settings screen's change form (server/actions/preview-settings-change.ts and
 * save-settings-change.ts). Values are the digit strings of the form, checked by the same
 * checkSettingValue as the command line and the API; what is wrong is returned as a kind per
 * field, so the action can say it in the user's language.
 */

/** The name of the hidden field that carries the value a setting had when the what-if was computed. */
export const expectedField = (name: SettingName) => `expected_${name}` as const;

export const SAVE_FORM_FIELDS = [
  ...SETTING_NAMES,
  ...SETTING_NAMES.map(expectedField),
  'reason',
  'confirmed',
  'confirmedActors',
] as const;

export type SettingsFormProblem = 'value' | 'required' | 'noChange' | 'reasonRequired' | 'reasonTooLong' | 'reasonInvalid' | 'confirm' | 'number';

export type SettingsFormErrors = Partial<Record<string, SettingsFormProblem>>;

type Fields = Partial<Record<string, string | null>>;

/**
 * The proposed values of the form: every setting field that is present. A present but empty or
 * malformed value is a problem on that field; no setting at all is a problem of the form.
 */
export function parseProposedValues(fields: Fields): { ok: true; changes: { name: SettingName; value: number }[] } | { ok: false; errors: SettingsFormErrors } {
  const errors: SettingsFormErrors = {};
  const changes: { name: SettingName; value: number }[] = [];
  for (const name of SETTING_NAMES) {
    const raw = fields[name];
    if (raw === undefined || raw === null) continue;
    if (raw.trim() === '') {
      errors[name] = 'required';
      continue;
    }
    // A form's number field may come with surrounding blanks; digits only otherwise.
    const checked = checkSettingValue(name, raw.trim());
    if (checked.ok) changes.push({ name, value: checked.value });
    else errors[name] = 'value';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (changes.length === 0) return { ok: false, errors: { _form: 'noChange' } };
  return { ok: true, changes };
}

export type SaveForm = {
  changes: { name: SettingName; value: number }[];
  /** The values the what-if was computed with, the ones the admin confirmed. */
  expected: RetentionSettings;
  reason: string;
  /** The number of actors newly due that the admin typed in the second confirmation; null when none was given. */
  confirmedActors: number | null;
};

/**
 * The save form: the proposed values, the values the what-if was computed with (all five, hidden
 * fields), a reason, the explicit confirmation (`confirmed` = "yes"), and, when the change goes
 * beyond the circuit breaker, the number of actors newly due as the admin typed it.
 */
export function parseSaveForm(fields: Fields): { ok: true; form: SaveForm } | { ok: false; errors: SettingsFormErrors } {
  const proposed = parseProposedValues(fields);
  const errors: SettingsFormErrors = proposed.ok ? {} : { ...proposed.errors };

  const expected = {} as RetentionSettings;
  for (const name of SETTING_NAMES) {
    const checked = checkSettingValue(name, fields[expectedField(name)] ?? undefined);
    // The hidden fields come from the what-if; a missing one means the form was not made by the screen.
    if (checked.ok) expected[name] = checked.value;
    else errors._form ??= 'required';
  }

  const reason = settingsReasonSchema.safeParse(fields.reason ?? '');
  if (!reason.success) {
    const raw = fields.reason ?? '';
    errors.reason = raw.trim() === '' ? 'reasonRequired' : raw.trim().length > 500 ? 'reasonTooLong' : 'reasonInvalid';
  }

  if (fields.confirmed !== 'yes') errors.confirmed = 'confirm';

  let confirmedActors: number | null = null;
  const typed = (fields.confirmedActors ?? '').trim();
  if (typed !== '') {
    // People may type the number with the thousands separator they see ("1,234" / "1.234").
    const digits = typed.replace(/[\s.,\u00a0\u202f']/g, '');
    if (/^[0-9]{1,12}$/.test(digits)) confirmedActors = Number(digits);
    else errors.confirmedActors = 'number';
  }

  if (Object.keys(errors).length > 0 || !proposed.ok || !reason.success) return { ok: false, errors };
  return { ok: true, form: { changes: proposed.changes, expected, reason: reason.data, confirmedActors } };
}
