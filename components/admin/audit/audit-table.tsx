'use client';

import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { LocalDateTime } from '@/components/ui/local-date';
import type { AuditScreenEntry } from '@/server/data/admin';
import { actionKey, AuditDetails, isKnownAction, KIND_STYLE } from './audit-details';

/**
 * The audit log entries, newest first: a table from `sm` up, and on a phone a card per entry headed
 * by the change, with when, the subject and who did it before the details (no sideways scroll).
 */
export function AuditTable({ entries, timeZone }: { entries: AuditScreenEntry[]; timeZone: string }) {
  const t = useTranslations('adminAudit');
  const action = (entry: AuditScreenEntry) => (isKnownAction(entry.action) ? t(`actions.${actionKey(entry.action)}`) : entry.action);
  const columns: DataColumn<AuditScreenEntry>[] = [
    {
      id: 'at',
      header: t('columns.at'),
      cell: (e) => <LocalDateTime at={e.at} timeZone={timeZone} className="whitespace-nowrap text-muted" />,
      value: (e) => e.at,
    },
    { id: 'kind', header: t('columns.kind'), cell: (e) => <Badge className={KIND_STYLE[e.kind]}>{t(`kinds.${e.kind}`)}</Badge>, value: (e) => e.kind },
    { id: 'action', header: t('columns.action'), isRowHeader: true, cell: (e) => <span className="font-medium text-ink">{action(e)}</span>, value: action },
    {
      id: 'target',
      header: t('columns.target'),
      cell: (e) => (e.kind === 'settings' ? <code className="text-xs">{e.target}</code> : e.target),
      value: (e) => e.target,
      className: '[overflow-wrap:anywhere]',
    },
    { id: 'by', header: t('columns.by'), cell: (e) => <span className="text-muted">{e.by}</span>, value: (e) => e.by, className: '[overflow-wrap:anywhere]' },
    { id: 'details', header: t('columns.details'), cell: (e) => <AuditDetails entry={e} />, className: 'max-w-sm text-muted' },
  ];
  return (
    <DataTable
      id="audit"
      testId="audit-table"
      caption={t('caption')}
      columns={columns}
      rows={entries}
      rowId={(e) => e.key}
      empty={t('none')}
      scroll
      tableClassName="min-w-[48rem]"
      cardTitleAs="h3"
    />
  );
}
