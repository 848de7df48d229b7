'use client';

import { useTranslations } from 'next-intl';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { LocalDate, LocalDateTime } from '@/components/ui/local-date';
import type { AccessLogScreenEntry } from '@/server/data/access-log';
import { ExportCell } from './access-log-export';

/**
 * Who looked up which actor or exported a selection, when and how, newest first: a table from `sm`
 * up, a card per entry headed by its time on a phone. Times and as-of days in the user's language.
 */
export function AccessLogTable({ entries, timeZone }: { entries: AccessLogScreenEntry[]; timeZone: string }) {
  const t = useTranslations('adminAccessLog');
  const via = (e: AccessLogScreenEntry) => (e.via === 'api' ? t('viaApi') : e.via === 'statement' ? t('viaStatement') : e.via === 'cli' ? t('cli') : t('viaScreen'));
  const columns: DataColumn<AccessLogScreenEntry>[] = [
    { id: 'at', header: t('columns.at'), isRowHeader: true, cell: (e) => <LocalDateTime at={e.at} timeZone={timeZone} />, value: (e) => e.at, className: 'whitespace-nowrap' },
    {
      id: 'caller',
      header: t('columns.caller'),
      cell: (e) => (
        <span className="break-all">
          {e.callerLabel}
          {e.callerKind === 'token' ? <span className="ml-1 text-xs text-muted">({t('token')})</span> : null}
          {e.callerKind === 'cli' ? <span className="ml-1 text-xs text-muted">({t('cli')})</span> : null}
        </span>
      ),
      value: (e) => e.callerLabel,
    },
    {
      id: 'actor',
      header: t('columns.actor'),
      cell: (e) => (e.export ? <ExportCell details={e.export} /> : (e.actorId ?? <span className="text-muted">{t('removed')}</span>)),
      value: (e) => e.actorId,
    },
    { id: 'asOf', header: t('columns.asOf'), cell: (e) => (e.asOf ? <LocalDate date={e.asOf} /> : '—'), value: (e) => e.asOf, className: 'whitespace-nowrap' },
    { id: 'via', header: t('columns.via'), cell: via, value: via },
  ];
  return (
    <DataTable
      id="access-log"
      testId="access-log-table"
      caption={t('caption')}
      columns={columns}
      rows={entries}
      rowId={(e) => String(e.id)}
      empty={t('none')}
      cardTitleAs="h3"
    />
  );
}
