import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { safeNextPath } from '@/lib/validation/auth';
import { getCaller } from '@/server/auth/require-permission';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(typeof next === 'string' ? next : undefined);
  const caller = await getCaller();
  if (caller?.kind === 'user') redirect(caller.mustChangePassword ? '/change-password' : target);
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 mb-5 text-sm text-muted">With the email address and password of your dashboard login.</p>
      <LoginForm next={target} />
    </>
  );
}
