import type { z } from 'zod';

/**
 * The one result type of every server action: success with its data, or a failure with a message
 * for the whole form (`formError`) and messages per field (`fieldErrors`, keyed by the field's
 * name). Messages are written for the user; never an exception's text, a stack or SQL.
 */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; formError: string | null; fieldErrors: Record<string, string[]> };

/** A successful action result. */
export function actionSuccess<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

/** A failed action result with a form-level message and, optionally, field messages. */
export function actionFailure(formError: string | null, fieldErrors: Record<string, string[]> = {}): { ok: false; formError: string | null; fieldErrors: Record<string, string[]> } {
  return { ok: false, formError, fieldErrors };
}

/** The field messages of a failed zod parse, keyed by the top-level field name. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** A failed action result from a failed zod parse; messages without a field become the form error. */
export function validationFailure(error: z.ZodError, formError: string | null = null) {
  const { _form, ...fieldErrors } = fieldErrorsOf(error);
  return actionFailure(_form?.join(' ') ?? formError, fieldErrors);
}
