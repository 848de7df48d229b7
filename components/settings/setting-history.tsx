import { useTranslations } from 'next-intl';
import { LocalDateTime } from '@/components/ui/local-date';
import type { SettingScreenEntry } from '@/server/data/settings-screen';
import { useSettingValueText } from './setting-value';

/** A setting's changes from the audit log, newest first, behind a disclosure (keyboard: Enter/Space on its summary). */
export function SettingHistory({ setting, timeZone }: { setting: SettingScreenEntry; timeZone: string }) {
  const t = useTranslations('settings.history');
  const valueText = useSettingValueText();
  return (
    <details className="group mt-4 border-t border-line pt-3" data-testid={`history-${setting.name}`}>
      <summary className="cursor-pointer rounded text-sm font-medium text-brand hover:underline">{t('summary', { count: setting.historyTotal })}</summary>
      {setting.history.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{t('none')}</p>
      ) : (
        <ol aria-label={t('caption', { name: setting.name })} className="mt-3 space-y-3">
          {setting.history.map((h) => (
            <li key={h.id} className="rounded-md border border-line/70 bg-canvas/60 p-3 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <span className="font-medium tabular-nums">
                  {h.oldValue === null
                    ? t('created', { to: valueText(setting.unit, h.newValue) })
                    : t('change', { from: valueText(setting.unit, h.oldValue), to: valueText(setting.unit, h.newValue) })}
                </span>
                <span className="text-xs text-muted">
                  <LocalDateTime at={h.changedAt} timeZone={timeZone} className="whitespace-nowrap" /> · <span className="break-all">{h.changedBy}</span>
                </span>
              </div>
              <p className="mt-1 break-words text-muted">
                <span className="sr-only">{t('reason')} </span>
                {h.reason}
              </p>
            </li>
          ))}
        </ol>
      )}
      {setting.historyTotal > setting.history.length ? (
        <p className="mt-2 text-xs text-muted">{t('more', { shown: setting.history.length, total: setting.historyTotal })}</p>
      ) : null}
    </details>
  );
}
