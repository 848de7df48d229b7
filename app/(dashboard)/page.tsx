import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { CountsSection, SettingsSection } from '@/components/home/home-sections';
import { landingPathFor } from '@/components/shell/nav-items';
import { PageHeader } from '@/components/ui/page-header';
import { PanelSkeleton } from '@/components/ui/skeleton';
import { hasPermission } from '@/lib/auth/permissions';
import { getCaller, requirePermission } from '@/server/auth/require-permission';

// Reads the live database on every request; never prerendered at build time.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('overview');
  return { title: t('title') };
}

export default async function OverviewPage() {
  // `/` is where everyone lands after signing in; a role without the overview (support) goes to its own first screen.
  const caller = await getCaller();
  if (caller && !(caller.kind === 'user' && caller.mustChangePassword) && !hasPermission(caller.role, 'settings.read')) {
    redirect(landingPathFor(caller.role));
  }
  await requirePermission('settings.read', { returnTo: '/' });
  const t = await getTranslations('overview');
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <Suspense fallback={<PanelSkeleton label={t('settingsTitle')} rows={5} />}>
        <SettingsSection />
      </Suspense>
      <Suspense fallback={<PanelSkeleton label={t('countsTitle')} rows={3} />}>
        <CountsSection />
      </Suspense>
    </div>
  );
}
