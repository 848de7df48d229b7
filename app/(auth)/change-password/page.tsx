import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { PASSWORD_MIN_LENGTH, safeNextPath } from '@/lib/validation/auth';
import { requireSignedInUser } from '@/server/auth/require-permission';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('changePasswordTitle') };
}

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(typeof next === 'string' ? next : undefined);
  const caller = await requireSignedInUser({ returnTo: '/change-password' });
  const t = await getTranslations('auth');
  return (
    <>
      <h1 className="text-xl font-semibold">{t('changePasswordTitle')}</h1>
      {caller.mustChangePassword ? (
        <p className="mt-2 rounded-md border border-warn/30 bg-warn/5 px-3 py-2 text-sm text-ink">{t('oneTimePasswordNotice')}</p>
      ) : (
        <p className="mt-1 text-sm text-muted">{t('otherSessionsNotice')}</p>
      )}
      <p className="mt-2 mb-5 text-sm text-muted">
        {t.rich('signedInAs', { email: caller.email, strong: (chunks) => <span className="font-medium text-ink">{chunks}</span> })}
      </p>
      <ChangePasswordForm next={target} minLength={PASSWORD_MIN_LENGTH} email={caller.email} />
      <div className="mt-6 border-t border-line pt-4">
        <SignOutButton />
      </div>
    </>
  );
}
