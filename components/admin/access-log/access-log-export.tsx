import { useTranslations } from 'next-intl';
import type { AccessLogScreenEntry } from '@/server/data/access-log';

/** An export's details: the set, the instance, the criteria, the columns and the rows sent. */
export function ExportCell({ details }: { details: NonNullable<AccessLogScreenEntry['export']> }) {
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

