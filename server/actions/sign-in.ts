'use server';

import { redirect } from 'next/navigation';
import { safeNextPath, signInSchema } from '@/lib/validation/auth';
import { actionFailure, validationFailure, type ActionResult } from '@/lib/validation/result';
import { callAuthEndpoint } from '@/server/auth/call-auth-endpoint';

/** The one answer for a wrong email or password, an unknown or a disabled login: it must not tell which. */
const WRONG_CREDENTIALS = 'The email address or the password is not right.';

/**
 * Signs in with email and password (rate-limited by Better Auth) and goes to `next` (a same-site
 * path only), or first to the change-password page when the password is a one-time password.
 */
export async function signIn(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = signInSchema.safeParse({
    email: formData.get('email'),
    password: formData.get('password'),
    next: formData.get('next') ?? undefined,
  });
  if (!parsed.success) return validationFailure(parsed.error);
  const { email, password } = parsed.data;
  const next = safeNextPath(parsed.data.next);

  let mustChangePassword: boolean;
  try {
    const response = await callAuthEndpoint('/sign-in/email', { email, password, rememberMe: true });
    if (response.status === 401) return actionFailure(WRONG_CREDENTIALS);
    if (response.status === 429) {
      const seconds = Number(response.headers.get('x-retry-after')) || 60;
      return actionFailure(`Too many sign-in attempts. Wait ${seconds} seconds and try again.`);
    }
    if (!response.ok) {
      console.error(`sign-in: unexpected answer ${response.status} from the auth handler`);
      return actionFailure('Signing in did not work just now. Try again in a moment.');
    }
    const body = (await response.json()) as { user?: { mustChangePassword?: unknown } };
    mustChangePassword = body.user?.mustChangePassword !== false;
  } catch (e) {
    console.error('sign-in failed', e);
    return actionFailure('Signing in did not work just now. Try again in a moment.');
  }
  // redirect() throws; it stays outside the try so it is not caught as a failure.
  redirect(mustChangePassword ? `/change-password${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}` : next);
}
