import { z } from 'zod';
import { LOCALES } from '../../i18n/locales';

/** The language switch: one of the dashboard's languages. */
export const setLocaleSchema = z.strictObject({
  locale: z.enum(LOCALES, { error: `locale must be one of ${LOCALES.join(', ')}` }),
});
export type SetLocaleInput = z.infer<typeof setLocaleSchema>;
