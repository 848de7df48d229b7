import { useLocale, useTranslations } from 'next-intl';
import { formatDateTime } from '@/i18n/format';
import type { AccessLogScreenEntry } from '@/server/data/access-log';
import { ScrollRegion } from '@/components/ui/scroll-region';

/** An export's details: the set, the instance, the criteria, the columns and the rows sent. */
function ExportCell({ details }: { details: NonNullable<AccessLogScreenEntry['export']> }) {
  const t = useTranslations('adminAccessLog');
  const c = details.criteria;
  const criteria = [
    `membership=${c.membership}`,
    c.loanHistoryOptIn === null ? null : `loanHistoryOptIn=${c.loanHistoryOptIn}`,
    c.borrowedFrom && c.borrowedTo ? `borrowed ${c.borrowedFrom}–${c.borrowedTo}` : null,
  ].filter(Boolean);
  return (
    <div data-testid="export-entry">
      <p>
        <span className="font-medium">{t('exportKind')}</span> <span className="font-mono text-xs">{details.set}</span>
      </p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs">
        <dt className="text-muted">{t('exportInstance')}</dt>
        <dd>
          {details.instanceName ?? '—'} <span className="text-muted">({details.instanceId})</span>
        </dd>
        <dt className="text-muted">{t('exportCriteria')}</dt>
        <dd className="font-mono break-words">{criteria.join(', ')}</dd>
        <dt className="text-muted">{t('exportColumns')}</dt>
        <dd className="font-mono break-words">{details.columns.join(', ')}</dd>
        <dt className="text-muted">{t('exportRows')}</dt>
        <dd data-testid="export-rows">
          {details.rows === null ? t('exportRowsUnknown') : details.complete === false ? t('exportRowsBrokenOff', { rows: details.rows }) : details.rows}
        </dd>
      </dl>
    </div>
  );
}

/** Who looked up which actor or exported a selection, when and how, newest first. */
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
              <td className="py-2 pr-4">
                {e.export ? <ExportCell details={e.export} /> : (e.actorId ?? <span className="text-muted">{t('removed')}</span>)}
              </td>
              <td className="py-2 pr-4 whitespace-nowrap">{e.asOf ?? '—'}</td>
              <td className="py-2">{e.via === 'api' ? t('viaApi') : e.via === 'statement' ? t('viaStatement') : e.via === 'cli' ? t('cli') : t('viaScreen')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
