import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { NotFoundView } from '@/components/shell/not-found-view';

/** An address with no page (outside the shell: it is answered the same, signed in or not). */
export default function NotFound() {
  const t = useTranslations('common');
  return (
    <>
      <header className="border-b border-line bg-surface">
        <div className="mx-auto max-w-7xl px-4 py-3 sm:px-6">
          <Link href="/" className="text-base font-semibold text-brand">
            {t('productName')}
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
        <NotFoundView />
      </main>
    </>
  );
}
