import { z } from 'zod';
import { hasNoNul, isoDateSchema, noNulMessage } from './common';

/*
 * The access log screen's filters, from the page's query string (a GET form): an actor id, who
 * looked (part of an e-mail or token name), and a range of calendar days (both included) in the
 * system time zone. Empty values mean "no filter".
 */

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const filterDate = z.preprocess(
  blankToUndefined,
  isoDateSchema.optional(),
);

export const accessLogFiltersSchema = z
  .strictObject({
    actorId: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[1-9][0-9]{0,15}$/, { error: 'must be a positive whole number' })
        .transform(Number)
        .optional(),
    ),
    caller: z.preprocess(
      blankToUndefined,
      z.string().trim().max(320, { error: 'must be at most 320 characters' }).refine(hasNoNul, { error: noNulMessage() }).optional(),
    ),
    from: filterDate,
    to: filterDate,
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
  });

export type AccessLogFilters = z.infer<typeof accessLogFiltersSchema>;
