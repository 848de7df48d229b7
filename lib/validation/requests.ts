import type { IsoDate } from '../retention/dates';
import { requestReasonSchema } from '../requests/requests';
import { isoDateSchema } from './common';
import { screenActorIdSchema } from './actors';

/*
 * The actor screen's forms about one customer (RETENTION.md, "Requests about one customer"): a
 * removal request, placing or changing a legal hold, releasing it. Each parse gives the form's
 * values, or per field a message code the action puts into the user's language.
 */

export const REMOVAL_FORM_FIELDS = ['actorId', 'reason', 'confirmed'] as const;
export const HOLD_FORM_FIELDS = ['actorId', 'until', 'reason'] as const;
export const RELEASE_FORM_FIELDS = ['actorId', 'reason'] as const;

export type RequestFormErrorCode = 'actorId' | 'reasonEmpty' | 'reasonTooLong' | 'reasonBad' | 'untilInvalid' | 'untilNotAfterToday';
export type RequestFormErrors = Partial<Record<'actorId' | 'reason' | 'until', RequestFormErrorCode>>;
type Parsed<T> = { ok: true; form: T } | { ok: false; errors: RequestFormErrors };

type Raw<K extends string> = Record<K, string | null>;

function reasonError(raw: string | null): RequestFormErrorCode | null {
  if (typeof raw !== 'string' || raw.trim() === '') return 'reasonEmpty';
  const r = requestReasonSchema.safeParse(raw);
  if (r.success) return null;
  return raw.trim().length > 1000 ? 'reasonTooLong' : 'reasonBad';
}

function actorIdOf(raw: string | null): number | null {
  const r = screenActorIdSchema.safeParse(raw ?? '');
  return r.success ? r.data : null;
}

/** The removal request form: the actor, the reason (1–1,000 characters) and whether it was confirmed. */
export function parseRemovalForm(raw: Raw<(typeof REMOVAL_FORM_FIELDS)[number]>): Parsed<{ actorId: number; reason: string; confirmed: boolean }> {
  const errors: RequestFormErrors = {};
  const actorId = actorIdOf(raw.actorId);
  if (actorId === null) errors.actorId = 'actorId';
  const reason = reasonError(raw.reason);
  if (reason) errors.reason = reason;
  if (actorId === null || reason) return { ok: false, errors };
  return { ok: true, form: { actorId, reason: raw.reason!.trim(), confirmed: raw.confirmed === 'yes' } };
}

/** The hold form: the actor, an end date after `today` or empty (no end), the reason. */
export function parseHoldForm(raw: Raw<(typeof HOLD_FORM_FIELDS)[number]>, today: IsoDate): Parsed<{ actorId: number; until: IsoDate | null; reason: string }> {
  const errors: RequestFormErrors = {};
  const actorId = actorIdOf(raw.actorId);
  if (actorId === null) errors.actorId = 'actorId';
  const reason = reasonError(raw.reason);
  if (reason) errors.reason = reason;
  let until: IsoDate | null = null;
  const rawUntil = (raw.until ?? '').trim();
  if (rawUntil !== '') {
    const parsed = isoDateSchema.safeParse(rawUntil);
    if (!parsed.success) errors.until = 'untilInvalid';
    else if (parsed.data <= today) errors.until = 'untilNotAfterToday';
    else until = parsed.data;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, form: { actorId: actorId!, until, reason: raw.reason!.trim() } };
}

/** The release form: the actor and the reason. */
export function parseReleaseForm(raw: Raw<(typeof RELEASE_FORM_FIELDS)[number]>): Parsed<{ actorId: number; reason: string }> {
  const errors: RequestFormErrors = {};
  const actorId = actorIdOf(raw.actorId);
  if (actorId === null) errors.actorId = 'actorId';
  const reason = reasonError(raw.reason);
  if (reason) errors.reason = reason;
  if (actorId === null || reason) return { ok: false, errors };
  return { ok: true, form: { actorId, reason: raw.reason!.trim() } };
}

