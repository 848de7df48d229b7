import type { Metadata } from 'next';
import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { getCaller } from '@/server/auth/require-permission';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Not allowed' };

export default async function ForbiddenPage() {
  const caller = await getCaller();
  return (
    <>
      <h1 className="text-xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-sm text-muted">
        {caller ? (
          <>
            Your role (<span className="font-medium text-ink">{caller.role}</span>) may not use that page or action. Ask an
            admin if you need it.
          </>
        ) : (
          <>You are not signed in.</>
        )}
      </p>
      <div className="mt-5 flex items-center gap-4">
        <Link href={caller ? '/' : '/login'} className="text-sm font-medium text-brand underline underline-offset-2">
          {caller ? 'Back to the overview' : 'Sign in'}
        </Link>
        {caller?.kind === 'user' ? <SignOutButton /> : null}
      </div>
    </>
  );
}
