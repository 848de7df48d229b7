import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** "Page not found" with the way back. */
export function NotFoundView() {
  const t = useTranslations('errors');
  return (
    <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="mt-2 text-sm text-muted">{t('notFoundBody')}</p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand underline underline-offset-2">
        {t('backToDashboard')}
      </Link>
    </div>
  );
}
