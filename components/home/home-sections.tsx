import { getLiveCounts, getSettingsOverview } from '@/server/data/overview';
import { Panel } from '@/components/ui/panel';
import { LiveCountsView } from './live-counts';
import { SettingsTable } from './settings-table';

/** Loads and shows the retention settings (streamed in its own Suspense boundary). */
export async function SettingsSection() {
  const { settings, timeZone } = await getSettingsOverview();
  return (
    <Panel
      id="settings-heading"
      title="Retention settings"
      description={
        <>
          How long each kind of customer data is kept. <strong className="font-semibold text-ink">0 = disabled</strong>: a
          rule that uses a setting of 0 does nothing.
        </>
      }
    >
      <SettingsTable settings={settings} timeZone={timeZone} />
    </Panel>
  );
}

/** Loads and shows the live counts (streamed in its own Suspense boundary). */
export async function CountsSection() {
  const counts = await getLiveCounts();
  return (
    <Panel id="counts-heading" title="Live counts" description="Read from the database when this page was loaded.">
      <LiveCountsView counts={counts} />
    </Panel>
  );
}
