import { useLocale, useTranslations } from 'next-intl';
import { formatDateTime } from '@/i18n/format';
import type { AccessLogScreenEntry } from '@/server/data/access-log';
import { ScrollRegion } from '@/components/ui/scroll-region';

/** Who looked up which actor, when and how, newest first. */
export function AccessLogTable({ entries, timeZone }: { entries: AccessLogScreenEntry[]; timeZone: string }) {
  const t = useTranslations('adminAccessLog');
  const locale = useLocale();
  if (entries.length === 0) return <p className="text-sm text-muted">{t('none')}</p>;
  return (
    <ScrollRegion labelledBy="access-log-caption">
      <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
        <caption id="access-log-caption" className="sr-only">
          {t('caption')}
        </caption>
        <thead>
          <tr className="border-b border-line text-xs uppercase tracking-wide text-muted">
            <th scope="col" className="py-2 pr-4 font-medium">{t('columns.at')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('columns.caller')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('columns.actor')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('columns.asOf')}</th>
            <th scope="col" className="py-2 font-medium">{t('columns.via')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b border-line/60 align-top">
              <td className="py-2 pr-4 whitespace-nowrap">
                <time dateTime={e.at} title={e.at}>
                  {formatDateTime(locale, e.at, timeZone)}
                </time>
              </td>
              <td className="py-2 pr-4 break-all">
                {e.callerLabel}
                {e.callerKind === 'token' ? <span className="ml-1 text-xs text-muted">({t('token')})</span> : null}
                {e.callerKind === 'cli' ? <span className="ml-1 text-xs text-muted">({t('cli')})</span> : null}
              </td>
              <td className="py-2 pr-4">{e.actorId ?? <span className="text-muted">{t('removed')}</span>}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{e.asOf ?? '—'}</td>
              <td className="py-2">{e.via === 'api' ? t('viaApi') : e.via === 'statement' ? t('viaStatement') : t('viaScreen')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
