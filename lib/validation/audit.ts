import { z } from 'zod';
import { isSupportedIsoDate } from '../retention/dates';
import { ISO_DATE_MESSAGE } from './common';

/*
 * The audit log screen's filters, read from the page's query string (a GET form): what kind of
 * change, and a range of calendar days (both included) in the system time zone. Absent or empty
 * values mean "no filter".
 */

export const AUDIT_KINDS = ['settings', 'user', 'token', 'job', 'removal_request', 'legal_hold'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const filterDateSchema = z.preprocess(
  blankToUndefined,
  z
    .string({ error: 'must be a date written YYYY-MM-DD' })
    .max(10, { error: 'must be a date written YYYY-MM-DD' })
    .refine(isSupportedIsoDate, { error: ISO_DATE_MESSAGE })
    .optional(),
);

export const auditFiltersSchema = z
  .strictObject({
    kind: z.preprocess((v) => (v === '' || v === null || v === 'all' ? undefined : v), z.enum(AUDIT_KINDS, { error: `kind must be all, ${AUDIT_KINDS.join(', ')}` }).optional()),
    from: filterDateSchema,
    to: filterDateSchema,
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
  });
export type AuditFilters = z.infer<typeof auditFiltersSchema>;
