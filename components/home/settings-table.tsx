'use client';

import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { LocalDateTime } from '@/components/ui/local-date';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
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
      <Badge className="bg-canvas text-muted ring-line">{t('disabled')}</Badge>
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

/**
 * The retention settings as a read-only table: a table from `sm` up, a card per setting on a phone
 * (its name in words with the setting's name small beside it, then its value, unit, what uses it
 * and the last change).
 */
export function SettingsTable({ settings, timeZone }: { settings: SettingOverview[]; timeZone: string }) {
  const t = useTranslations('overview');
  const columns: DataColumn<SettingOverview>[] = [
    {
      id: 'setting',
      header: t('columns.setting'),
      isRowHeader: true,
      cell: (s) => (
        <>
          <span className="flex items-center gap-2">
            <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${FAMILY_SWATCH[SETTING_INFO[s.name].family]}`} />
            <span className="font-medium text-ink">{t(`settings.${s.name}.label`)}</span>
          </span>
          <code className="ml-4.5 text-xs font-normal text-muted">{s.name}</code>
        </>
      ),
      value: (s) => s.name,
    },
    { id: 'value', header: t('columns.value'), cell: (s) => <SettingValue setting={s} />, value: (s) => s.value, className: 'whitespace-nowrap' },
    {
      id: 'unit',
      header: t('columns.unit'),
      cell: (s) => (
        <span className="text-muted">
          {t(`units.${s.unit}`)} <span className="text-xs">{t('typical', { value: SETTING_INFO[s.name].typical })}</span>
        </span>
      ),
      className: 'whitespace-nowrap',
    },
    { id: 'usedBy', header: t('columns.usedBy'), cell: (s) => <span className="text-muted">{t(`settings.${s.name}.usedBy`)}</span>, className: 'min-w-72 max-w-md' },
    {
      id: 'lastChanged',
      header: t('columns.lastChanged'),
      cell: (s) => (
        <span className="text-muted">
          <SettingLastChange setting={s} timeZone={timeZone} by={t('changedBy', { by: s.updatedBy ?? '' })} />
        </span>
      ),
      value: (s) => s.updatedAt,
    },
  ];
  return (
    <DataTable
      id="settings"
      testId="settings-table"
      caption={t('settingsCaption')}
      columns={columns}
      rows={settings}
      rowId={(s) => s.name}
      rowProps={(s) => ({ 'data-setting': s.name })}
      empty="—"
      scroll
      tableClassName="min-w-[48rem]"
      cardTitleAs="h3"
    />
  );
}
