import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { getCaller } from '@/server/auth/require-permission';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('forbiddenTitle') };
}

export default async function ForbiddenPage() {
  const caller = await getCaller();
  const t = await getTranslations('auth');
  const tRoles = await getTranslations('common.roles');
  return (
    <>
      <h1 className="text-xl font-semibold">{t('forbiddenTitle')}</h1>
      <p className="mt-2 text-sm text-muted">{caller ? t('forbiddenBody', { role: tRoles(caller.role) }) : t('notSignedIn')}</p>
      <div className="mt-5 flex items-center gap-4">
        <Link href={caller ? '/' : '/login'} className="text-sm font-medium text-brand underline underline-offset-2">
          {caller ? t('backToDashboard') : t('signIn')}
        </Link>
        {caller?.kind === 'user' ? <SignOutButton /> : null}
      </div>
    </>
  );
}
