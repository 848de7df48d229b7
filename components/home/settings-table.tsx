import type { SettingOverview } from '@/server/data/overview';
import { formatDateTime } from './format';
import { FAMILY_SWATCH, SETTING_INFO } from './setting-info';

function SettingValue({ setting }: { setting: SettingOverview }) {
  if (setting.value === null) {
    return <span className="font-medium text-danger">not set (treated as 0, disabled)</span>;
  }
  if (setting.value === 0) {
    return (
      <span className="inline-flex items-center rounded-full bg-canvas px-2 py-0.5 text-sm font-medium text-muted ring-1 ring-line ring-inset">
        0 · disabled
      </span>
    );
  }
  const unit = setting.value === 1 ? setting.unit.slice(0, -1) : setting.unit;
  return (
    <span className="font-semibold tabular-nums">
      {setting.value} {unit}
    </span>
  );
}

/** The retention settings as a read-only table. */
export function SettingsTable({ settings, timeZone }: { settings: SettingOverview[]; timeZone: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Retention settings; 0 means disabled</caption>
        <thead>
          <tr className="border-b border-line text-xs tracking-wide text-muted uppercase">
            <th scope="col" className="py-2 pr-4 font-medium">
              Setting
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Value
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Unit
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Used by
            </th>
            <th scope="col" className="py-2 font-medium">
              Last changed
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
                    <span className="font-medium text-ink">{info.label}</span>
                  </span>
                  <code className="ml-4.5 text-xs text-muted">{s.name}</code>
                </th>
                <td className="py-3 pr-4 whitespace-nowrap">
                  <SettingValue setting={s} />
                </td>
                <td className="py-3 pr-4 text-muted">
                  {s.unit} <span className="text-xs">(typical {info.typical})</span>
                </td>
                <td className="max-w-md py-3 pr-4 text-muted">{info.usedBy}</td>
                <td className="py-3 text-muted">
                  {s.updatedAt ? (
                    <>
                      <time dateTime={s.updatedAt}>{formatDateTime(s.updatedAt, timeZone)}</time>
                      <span className="block text-xs">by {s.updatedBy}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
