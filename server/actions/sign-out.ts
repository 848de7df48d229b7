'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { logUnexpectedError } from '@/lib/errors';
import { getServerAuth } from '@/server/auth/auth';

/** Signs out: deletes this session from the database and clears the cookie (Next's cookie plugin). */
export async function signOut(): Promise<void> {
  try {
    const auth = await getServerAuth();
    await auth.api.signOut({ headers: await headers() });
  } catch (e) {
    // No session, or it was revoked already: signed out either way.
    logUnexpectedError('action sign out', e);
  }
  redirect('/login');
}
