import { z } from 'zod';

/** GET /api/v1/policy: JSON by default; `format=csv` gives one table as CSV (`table`, default the categories). */
export const policyQuerySchema = z
  .strictObject({
    format: z.enum(['json', 'csv'], { message: 'must be json or csv' }).optional(),
    table: z.enum(['categories', 'conditions'], { message: 'must be categories or conditions' }).optional(),
  })
  .refine((q) => q.table === undefined || q.format === 'csv', { message: 'is only used with format=csv', path: ['table'] });
