import 'server-only';
import { logUnexpectedError } from '@/lib/errors';
import type { MessageTranslator } from '@/i18n/messages';
import { actionFailure } from '@/lib/validation/result';

/*
 * Small helpers shared by the server actions (server/actions/*.ts). A 'use server' file may only
 * export actions, so they live here.
 */

/**
 * The named fields of a form, as strings (or null when absent), and nothing else: React and
 * Next add their own `$ACTION_…` fields, which the strict schemas must not see.
 */
export function formFields<K extends string>(formData: FormData, names: readonly K[]): Record<K, string | null> {
  const out = {} as Record<K, string | null>;
  for (const name of names) {
    const value = formData.get(name);
    out[name] = typeof value === 'string' ? value : null;
  }
  return out;
}

/**
 * The answer to an unexpected failure: logged with an id on the server, a generic message in the
 * user's language on the screen (never the error's text, a stack or SQL).
 */
export function unexpectedFailure(t: MessageTranslator, what: string, error: unknown) {
  // Only the kind of error: a database error's text can hold values that no log may keep.
  logUnexpectedError(`action ${what}`, error);
  return actionFailure(t('errors.generic'));
}
