import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { safeNextPath } from '@/lib/validation/auth';
import { getCaller } from '@/server/auth/require-permission';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('loginTitle') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(typeof next === 'string' ? next : undefined);
  const caller = await getCaller();
  if (caller?.kind === 'user') redirect(caller.mustChangePassword ? '/change-password' : target);
  const t = await getTranslations('auth');
  return (
    <>
      <h1 className="text-xl font-semibold">{t('loginTitle')}</h1>
      <p className="mt-1 mb-5 text-sm text-muted">{t('loginIntro')}</p>
      <LoginForm next={target} />
    </>
  );
}
