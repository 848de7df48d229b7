import { z } from 'zod';
import { SETTING_MAX, SETTING_NAMES, SETTING_UNIT, type SettingName } from '../retention/settings';
import { hasNoNul, noNulMessage } from './common';

/*
 * A settings change (RETENTION.md, "Changing settings"), shared by the command line, the web form
 * and the API. Values arrive as numbers (JSON) or as strings (a form field, `NAME=VALUE` on the
 * command line); a string must be plain decimal digits, so "", " 5", "1e3", "0x10", "5.0" and
 * "Infinity" are refused instead of being coerced into a number nobody typed. Every message names
 * the setting, because a wrong value here deletes real people's data.
 */

export const REASON_MAX_LENGTH = 500;
/** More digits than any allowed value has; longer strings are refused before Number() sees them. */
const MAX_DIGITS = 12;

const isSettingName = (value: unknown): value is SettingName => typeof value === 'string' && (SETTING_NAMES as readonly string[]).includes(value);

/** How a setting's range reads in a message: "a whole number of months from 0 to 1200". */
export function describeSettingRange(name: SettingName): string {
  return `a whole number of ${SETTING_UNIT[name]} from 0 to ${SETTING_MAX[name]}`;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  return typeof value;
}

/**
 * The value of one setting, or the message that says what is wrong with it. Numbers must be whole
 * and in range; strings must be decimal digits only.
 */
export function checkSettingValue(name: SettingName, value: unknown): { ok: true; value: number } | { ok: false; message: string } {
  const bad = { ok: false as const, message: `${name} must be ${describeSettingRange(name)} (got ${shown(value)})` };
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    if (!/^[0-9]+$/.test(value) || value.length > MAX_DIGITS) return bad;
    n = Number(value);
  } else return bad;
  if (!Number.isSafeInteger(n) || n < 0 || n > SETTING_MAX[name]) return bad;
  return { ok: true, value: n };
}

export const settingNameSchema = z.enum(SETTING_NAMES, {
  error: (issue) => `unknown setting ${shown(issue.input)}; the settings are ${SETTING_NAMES.join(', ')}`,
});

/** One `{ name, value }`; the value's range depends on the name (months or days). */
export const settingValueChangeSchema = z
  .strictObject({ name: settingNameSchema, value: z.unknown() })
  .superRefine((change, ctx) => {
    const checked = checkSettingValue(change.name, change.value);
    if (!checked.ok) ctx.addIssue({ code: 'custom', path: ['value'], message: checked.message });
  })
  .transform((change) => ({ name: change.name, value: (checkSettingValue(change.name, change.value) as { value: number }).value }));

export const settingsReasonSchema = z
  .string({ error: 'reason is required' })
  .trim()
  .min(1, { error: 'reason is required and must not be blank' })
  .max(REASON_MAX_LENGTH, { error: `reason must be at most ${REASON_MAX_LENGTH} characters` })
  // PostgreSQL text cannot hold NUL; refuse it here rather than fail in the database.
  .refine(hasNoNul, { error: noNulMessage('reason') });

/** One or more distinct settings with their new values (a what-if needs no reason). */
export const settingValueChangesSchema = z
  .array(settingValueChangeSchema, { error: 'changes must be a list of { name, value }' })
  .min(1, { error: 'give at least one setting to change' })
  .max(SETTING_NAMES.length * 4, { error: 'too many changes' })
  .superRefine((changes, ctx) => {
    const seen = new Set<string>();
    changes.forEach((change, i) => {
      if (seen.has(change.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `${change.name} is given more than once` });
      seen.add(change.name);
    });
  });

/** A settings change: one or more distinct settings with their new values, and a reason. */
export const settingsChangeSchema = z.strictObject({
  changes: settingValueChangesSchema,
  reason: settingsReasonSchema,
});

export type SettingsChangeInput = z.infer<typeof settingsChangeSchema>;
/** What the schema accepts: values as numbers or digit strings. */
export type SettingsChangeRawInput = z.input<typeof settingsChangeSchema>;

export type SettingValueChangesInput = z.infer<typeof settingValueChangesSchema>;

export type SettingsChangeProblem = { path: string; setting: SettingName | null; message: string };

/**
 * The problems of a failed parse, each with its path (`changes[1].value`) and the setting it is
 * about, for a form's field errors, an API's 400 body or the command line's message.
 */
export function settingsChangeProblems(error: z.ZodError, input?: unknown): SettingsChangeProblem[] {
  const changes = (input as { changes?: unknown } | undefined)?.changes;
  return error.issues.map((issue) => {
    const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
    let setting: SettingName | null = null;
    if (issue.path[0] === 'changes' && typeof issue.path[1] === 'number' && Array.isArray(changes)) {
      const name = (changes[issue.path[1]] as { name?: unknown } | undefined)?.name;
      if (isSettingName(name)) setting = name;
    }
    return { path, setting, message: issue.message };
  });
}
