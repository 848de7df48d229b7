'use server';

import { redirect } from 'next/navigation';
import { getActionTranslator } from '@/i18n/request-locale';
import { translatedValidationFailure } from '@/i18n/validation';
import { ONE_TIME_PASSWORD_EXPIRED_CODE } from '@/lib/auth/users';
import { logUnexpectedError } from '@/lib/errors';
import { safeNextPath, signInSchema } from '@/lib/validation/auth';
import { actionFailure, type ActionResult } from '@/lib/validation/result';
import { formFields } from '@/server/action-support';
import { callAuthEndpoint } from '@/server/auth/call-auth-endpoint';

/**
 * Signs in with email and password (rate-limited by Better Auth per client address, and held back
 * after repeated failures per e-mail address) and goes to `next` (a same-site path only), or first
 * to the change-password page when the password is a one-time password. Open to everyone: the
 * credentials are the check. A wrong email or password, an unknown or a disabled login all get the
 * same answer, which must not tell which; an expired one-time password is named, since only
 * someone who knows it gets that far.
 */
export async function signIn(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getActionTranslator();
  const fields = formFields(formData, ['email', 'password', 'next']);
  const parsed = signInSchema.safeParse({ ...fields, next: fields.next ?? undefined });
  if (!parsed.success) return translatedValidationFailure(t, parsed.error, fields);
  const { email, password } = parsed.data;
  const next = safeNextPath(parsed.data.next);

  let mustChangePassword: boolean;
  try {
    const response = await callAuthEndpoint('/sign-in/email', { email, password, rememberMe: true });
    if (response.status === 401) return actionFailure(t('auth.wrongCredentials'));
    if (response.status === 429) {
      const seconds = Number(response.headers.get('x-retry-after')) || 60;
      return actionFailure(t('auth.tooManyAttempts', { seconds }));
    }
    if (response.status === 403) {
      const refusal = (await response.json().catch(() => ({}))) as { code?: unknown };
      if (refusal.code === ONE_TIME_PASSWORD_EXPIRED_CODE) return actionFailure(t('auth.oneTimePasswordExpired'));
    }
    if (!response.ok) {
      console.error(`sign-in: unexpected answer ${response.status} from the auth handler`);
      return actionFailure(t('auth.signInFailed'));
    }
    const body = (await response.json()) as { user?: { mustChangePassword?: unknown } };
    mustChangePassword = body.user?.mustChangePassword !== false;
  } catch (e) {
    logUnexpectedError('action sign in', e);
    return actionFailure(t('auth.signInFailed'));
  }
  // redirect() throws; it stays outside the try so it is not caught as a failure.
  redirect(mustChangePassword ? `/change-password${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}` : next);
}
