'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, type AppLocale } from '@/i18n/locales';
import { getActionTranslator } from '@/i18n/request-locale';
import { translatedValidationFailure } from '@/i18n/validation';
import { getPublicOrigin } from '@/lib/env';
import { setLocaleSchema } from '@/lib/validation/locale';
import { actionSuccess, type ActionResult } from '@/lib/validation/result';
import { formFields } from '@/server/action-support';

/**
 * The language switch: keeps the choice in the `locale` cookie and re-renders the page in it.
 * Open to everyone, signed in or not (the sign-in page has the switch too): it changes nothing
 * but the caller's own cookie, so it asks for no permission.
 */
export async function setLocale(_previous: ActionResult<{ locale: AppLocale }> | null, formData: FormData): Promise<ActionResult<{ locale: AppLocale }>> {
  const fields = formFields(formData, ['locale']);
  const parsed = setLocaleSchema.safeParse(fields);
  if (!parsed.success) return translatedValidationFailure(await getActionTranslator(), parsed.error, fields);
  const jar = await cookies();
  jar.set(LOCALE_COOKIE, parsed.data.locale, {
    path: '/',
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
    sameSite: 'lax',
    httpOnly: true,
    secure: getPublicOrigin().startsWith('https://'),
  });
  revalidatePath('/', 'layout');
  return actionSuccess({ locale: parsed.data.locale });
}
