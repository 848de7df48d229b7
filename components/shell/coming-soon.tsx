import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';

export type ComingSoonScreen = 'settings' | 'policy' | 'reports' | 'cleanup' | 'actors' | 'accessLog';

/** A screen that a later change builds: its title, what it will show, and that it is coming. */
export async function ComingSoon({ screen }: { screen: ComingSoonScreen }) {
  const t = await getTranslations('comingSoon');
  return (
    <div className="space-y-6">
      <PageHeader title={t(`${screen}.title`)} intro={t(`${screen}.description`)} />
      <section aria-labelledby="coming-soon" className="rounded-lg border border-dashed border-line bg-surface p-6">
        <h2 id="coming-soon" className="inline-flex rounded-full bg-brand-soft px-2.5 py-0.5 text-xs font-semibold text-brand">
          {t('badge')}
        </h2>
        <p className="mt-3 max-w-2xl text-sm text-muted">{t('notice')}</p>
      </section>
    </div>
  );
}
