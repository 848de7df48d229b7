import type { z } from 'zod';
import { actionFailure } from '@/lib/validation/result';
import type { MessageTranslator } from './messages';

/*
 * The messages of failed form validation in the user's language. The zod schemas of
 * lib/validation are shared with the command line and the API and speak English; forms show
 * `validation.<field>.<variant>` from messages/<locale>.json instead, chosen by the kind of issue.
 * A custom issue names its variant in `params.i18n` (e.g. `sameAsCurrent`).
 */

type Variant = 'required' | 'invalid' | 'tooShort' | 'tooLong' | (string & {});

function variantOf(issue: z.core.$ZodIssue, isMissing: boolean): { variant: Variant; values: Record<string, number> } {
  if (isMissing) return { variant: 'required', values: {} };
  switch (issue.code) {
    case 'invalid_type':
      return { variant: 'required', values: {} };
    case 'too_small': {
      const min = Number(issue.minimum);
      return min <= 1 ? { variant: 'required', values: {} } : { variant: 'tooShort', values: { min } };
    }
    case 'too_big':
      return { variant: 'tooLong', values: { max: Number(issue.maximum) } };
    case 'custom': {
      const named = (issue.params as { i18n?: unknown } | undefined)?.i18n;
      return { variant: typeof named === 'string' ? named : 'invalid', values: {} };
    }
    default:
      return { variant: 'invalid', values: {} };
  }
}

/** True when the form left the field out or empty (then the message says it is required, whatever zod's issue). */
function isMissingField(input: unknown, field: string): boolean {
  if (input === null || typeof input !== 'object' || !Object.hasOwn(input, field)) return false;
  const value = (input as Record<string, unknown>)[field];
  return value === null || value === undefined || value === '';
}

/**
 * One issue's message: the field's own, else the field's generic one, else a generic one, else
 * zod's (English). `input` is what was parsed (the form's fields), to tell a missing value apart.
 */
export function translateIssue(t: MessageTranslator, issue: z.core.$ZodIssue, input?: unknown): string {
  const field = issue.path.length > 0 ? String(issue.path[0]) : 'generic';
  const { variant, values } = variantOf(issue, issue.path.length === 1 && isMissingField(input, field));
  // Keys are built at run time here, so the typed translator is widened once.
  const tr = t as unknown as { has: (key: string) => boolean; (key: string, values?: Record<string, number>): string };
  for (const key of [`validation.${field}.${variant}`, `validation.${field}.invalid`, `validation.generic.${variant}`]) {
    if (tr.has(key)) return tr(key, values);
  }
  return issue.message;
}

/**
 * A failed action result from a failed zod parse of `input`, in the user's language: the messages
 * of each field (once each), issues without a field as the form error.
 */
export function translatedValidationFailure(t: MessageTranslator, error: z.ZodError, input?: unknown) {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    if (issue.path.length === 0) {
      formErrors.push(translateIssue(t, issue, input));
      continue;
    }
    const key = String(issue.path[0]);
    const message = translateIssue(t, issue, input);
    const list = (fieldErrors[key] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return actionFailure(formErrors.length > 0 ? formErrors.join(' ') : null, fieldErrors);
}
