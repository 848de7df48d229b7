import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '@/components/shell/language-switch';

/** Sign-in, password and "not allowed" pages: one narrow card, no dashboard navigation. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  const t = useTranslations('common');
  return (
    <>
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <div>
            <p className="text-base font-semibold text-brand">{t('productName')}</p>
            <p className="hidden text-xs text-muted sm:block">{t('tagline')}</p>
          </div>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="px-4 py-8">
        <div className="mx-auto max-w-md rounded-lg border border-line bg-surface p-6 shadow-sm">{children}</div>
      </main>
    </>
  );
}
