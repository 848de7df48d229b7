import { useTranslations } from 'next-intl';
import { LocalDateTime } from '@/components/ui/local-date';
import { ScrollRegion } from '@/components/ui/scroll-region';
import type { SettingOverview } from '@/server/data/overview';
import { FAMILY_SWATCH, SETTING_INFO } from './setting-info';

/** A setting's value: "24 months", a "disabled" badge for 0, "not set" for a missing row. */
export function SettingValue({ setting }: { setting: SettingOverview }) {
  const t = useTranslations('overview');
  if (setting.value === null) {
    return <span className="font-medium text-danger">{t('notSet')}</span>;
  }
  if (setting.value === 0) {
    return (
      <span className="inline-flex items-center rounded-full bg-canvas px-2 py-0.5 text-sm font-medium text-muted ring-1 ring-line ring-inset">
        {t('disabled')}
      </span>
    );
  }
  return (
    <span className="font-semibold tabular-nums">
      {setting.unit === 'months' ? t('valueMonths', { value: setting.value }) : t('valueDays', { value: setting.value })}
    </span>
  );
}

/** When a setting last changed and by whom ("—" when it never changed), for a table cell. */
export function SettingLastChange({ setting, timeZone, by }: { setting: Pick<SettingOverview, 'updatedAt'>; timeZone: string; by: string }) {
  if (!setting.updatedAt) return <>—</>;
  return (
    <>
      <LocalDateTime at={setting.updatedAt} timeZone={timeZone} className="sm:whitespace-nowrap" />
      <span className="block text-xs">{by}</span>
    </>
  );
}

/** The retention settings as a read-only table. */
export function SettingsTable({ settings, timeZone }: { settings: SettingOverview[]; timeZone: string }) {
  const t = useTranslations('overview');
  return (
    <ScrollRegion labelledBy="settings-caption">
      <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
        <caption id="settings-caption" className="sr-only">
          {t('settingsCaption')}
        </caption>
        <thead>
          <tr className="border-b border-line text-xs tracking-wide text-muted uppercase">
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('columns.setting')}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('columns.value')}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('columns.unit')}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('columns.usedBy')}
            </th>
            <th scope="col" className="py-2 font-medium">
              {t('columns.lastChanged')}
            </th>
          </tr>
        </thead>
        <tbody>
          {settings.map((s) => {
            const info = SETTING_INFO[s.name];
            return (
              <tr key={s.name} className="border-b border-line align-top last:border-0">
                <th scope="row" className="py-3 pr-4 font-normal">
                  <span className="flex items-center gap-2">
                    <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${FAMILY_SWATCH[info.family]}`} />
                    <span className="font-medium text-ink">{t(`settings.${s.name}.label`)}</span>
                  </span>
                  <code className="ml-4.5 text-xs text-muted">{s.name}</code>
                </th>
                <td className="py-3 pr-4 whitespace-nowrap">
                  <SettingValue setting={s} />
                </td>
                <td className="py-3 pr-4 whitespace-nowrap text-muted">
                  {t(`units.${s.unit}`)} <span className="text-xs">{t('typical', { value: info.typical })}</span>
                </td>
                <td className="min-w-72 max-w-md py-3 pr-4 text-muted">{t(`settings.${s.name}.usedBy`)}</td>
                <td className="py-3 text-muted">
                  <SettingLastChange setting={s} timeZone={timeZone} by={t('changedBy', { by: s.updatedBy ?? '' })} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
