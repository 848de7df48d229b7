import 'server-only';
import type { MessageTranslator } from '@/i18n/messages';
import type { RequestFormErrors } from '@/lib/validation/requests';
import { actionFailure } from '@/lib/validation/result';

/** The request forms' field errors in the user's language (a 'use server' file may only export actions). */
export function translateRequestFormErrors(t: MessageTranslator, errors: RequestFormErrors) {
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, code] of Object.entries(errors)) if (code) fieldErrors[field] = [t(`actors.requests.errors.${code}`)];
  // A bad actor id is not a field the user can correct: the page is out of date.
  if (fieldErrors.actorId) {
    const { actorId, ...rest } = fieldErrors;
    return actionFailure(actorId!.join(' '), rest);
  }
  return actionFailure(null, fieldErrors);
}
