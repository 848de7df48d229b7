import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangeSettingsForm } from '@/components/settings/change-settings-form';
import { SettingsList } from '@/components/settings/settings-list';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { requirePermission } from '@/server/auth/require-permission';
import { getSettingsScreen } from '@/server/data/settings-screen';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings');
  return { title: t('title') };
}

/**
 * The retention settings: each with its unit, what it drives, what 0 means, who maintains it, its
 * last change and history (settings.read: manager, ops, admin). Admins (settings.change) also get
 * the change form with its what-if; everyone else sees the same settings read-only.
 */
export default async function SettingsPage() {
  await requirePermission('settings.read', { returnTo: '/settings' });
  const [{ settings, timeZone, canChange }, t] = await Promise.all([getSettingsScreen(), getTranslations('settings')]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      {canChange ? (
        <Panel id="change-settings-heading" title={t('change.title')} description={t('change.description')}>
          <ChangeSettingsForm current={settings.map((s) => ({ name: s.name, value: s.value, unit: s.unit }))} />
        </Panel>
      ) : (
        <p className="rounded-md border border-line bg-surface px-4 py-3 text-sm text-muted" data-testid="settings-read-only">
          {t('readOnly')}
        </p>
      )}
      <Panel id="settings-list-heading" title={t('listTitle')} description={t('listDescription')}>
        <SettingsList settings={settings} timeZone={timeZone} />
      </Panel>
    </div>
  );
}
