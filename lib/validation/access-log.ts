import { z } from 'zod';
import { isIsoDate } from '../retention/dates';

/*
 * The access log screen's filters, from the page's query string (a GET form): an actor id, who
 * looked (part of an e-mail or token name), and a range of calendar days (both included) in the
 * system time zone. Empty values mean "no filter".
 */

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const filterDate = z.preprocess(
  blankToUndefined,
  z.string().max(10).refine(isIsoDate, { error: 'must be a real calendar date written YYYY-MM-DD' }).optional(),
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
    caller: z.preprocess(blankToUndefined, z.string().trim().max(320, { error: 'must be at most 320 characters' }).optional()),
    from: filterDate,
    to: filterDate,
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
  });

export type AccessLogFilters = z.infer<typeof accessLogFiltersSchema>;
