import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ComingSoon } from '@/components/shell/coming-soon';
import { requirePermission } from '@/server/auth/require-permission';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('comingSoon');
  return { title: t('cleanup.title') };
}

/** The cleanup dashboard (built by a later change); asks for its permission first, like every screen. */
export default async function CleanupPage() {
  await requirePermission('cleanup.read', { returnTo: '/cleanup' });
  return <ComingSoon screen="cleanup" />;
}
