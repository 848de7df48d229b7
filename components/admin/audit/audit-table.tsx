'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { LocalDateTime } from '@/components/ui/local-date';
import { formatIsoDate } from '@/i18n/format';
import type { AppLocale } from '@/i18n/locales';
import { isSettingName } from '@/lib/retention/settings';
import type { AuditScreenEntry } from '@/server/data/admin';
import { actionKey, AuditDetails, isKnownAction, KIND_STYLE } from './audit-details';

/**
 * The audit log entries, newest first: a table from `sm` up, and on a phone a card per entry headed
 * by the change, with when, the subject and who did it before the details (no sideways scroll).
 */
export function AuditTable({ entries, timeZone }: { entries: AuditScreenEntry[]; timeZone: string }) {
  const t = useTranslations('adminAudit');
  const tSettings = useTranslations('overview.settings');
  const locale = useLocale();
  const action = (entry: AuditScreenEntry) => (isKnownAction(entry.action) ? t(`actions.${actionKey(entry.action)}`) : entry.action);
  /**
   * What an entry is about, in words: a setting by its name (the code small beside it), the job, a
   * request or a hold in the screen's language. The stored label is the English one the entry was
   * written with (the API and CLI give it unchanged); logins and tokens are named by themselves.
   */
  const target = (e: AuditScreenEntry): { text: string; node: ReactNode } => {
    if (e.kind === 'settings' && isSettingName(e.target)) {
      const label = tSettings(`${e.target}.label`);
      return {
        text: `${label} (${e.target})`,
        node: (
          <>
            {label} <code className="text-xs text-muted">{e.target}</code>
          </>
        ),
      };
    }
    const day = /(\d{4}-\d{2}-\d{2})/.exec(e.target)?.[1];
    const text =
      e.kind === 'job'
        ? t('targets.job')
        : e.kind === 'legal_hold'
          ? t('targets.legalHold')
          : e.kind === 'removal_request'
            ? day
              ? t('targets.removalRequest', { date: formatIsoDate(locale as AppLocale, day) })
              : t('targets.removalRequestUndated')
            : e.target;
    return { text, node: text };
  };
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
      cell: (e) => target(e).node,
      value: (e) => target(e).text,
      className: 'break-words',
    },
    { id: 'by', header: t('columns.by'), cell: (e) => <span className="text-muted">{e.by}</span>, value: (e) => e.by, className: 'break-words' },
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
