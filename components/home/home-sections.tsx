import { getTranslations } from 'next-intl/server';
import { Panel } from '@/components/ui/panel';
import { getLiveCounts, getSettingsOverview } from '@/server/data/overview';
import { LiveCountsView } from './live-counts';
import { SettingsTable } from './settings-table';

/** Loads and shows the retention settings (streamed in its own Suspense boundary). */
export async function SettingsSection() {
  const [{ settings, timeZone }, t] = await Promise.all([getSettingsOverview(), getTranslations('overview')]);
  return (
    <Panel
      id="settings-heading"
      title={t('settingsTitle')}
      description={t.rich('settingsDescription', { strong: (chunks) => <strong className="font-semibold text-ink">{chunks}</strong> })}
    >
      <SettingsTable settings={settings} timeZone={timeZone} />
    </Panel>
  );
}

/** Loads and shows the live counts (streamed in its own Suspense boundary). */
export async function CountsSection() {
  const [counts, t] = await Promise.all([getLiveCounts(), getTranslations('overview')]);
  return (
    <Panel id="counts-heading" title={t('countsTitle')} description={t('countsDescription')}>
      <LiveCountsView counts={counts} />
    </Panel>
  );
}
