'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { LocalDateTime } from '@/components/ui/local-date';
import { formatDateTime } from '@/i18n/format';
import type { AdminApiToken } from '@/server/data/admin';
import { RevokeTokenForm } from './revoke-token-form';

/**
 * The API tokens: name, role in words, instance, first characters, when made and last used, when
 * they expire, and whether they work, with the revoke button. A table from `sm` up; on a phone a
 * card per token headed by its name.
 */
export function TokensTable({ tokens, timeZone }: { tokens: AdminApiToken[]; timeZone: string }) {
  const t = useTranslations('adminTokens');
  const tUsers = useTranslations('adminUsers');
  const tRoles = useTranslations('common.roles');
  const locale = useLocale();
  const when = (iso: string) => <LocalDateTime at={iso} timeZone={timeZone} className="whitespace-nowrap" />;
  const instance = (token: AdminApiToken) =>
    token.instance === null ? tUsers('allInstancesShort') : (token.instance.name ?? tUsers('goneInstance', { id: token.instance.id }));
  const columns: DataColumn<AdminApiToken>[] = [
    { id: 'name', header: t('columns.name'), isRowHeader: true, cell: (k) => <span className="font-medium break-words text-ink">{k.name}</span>, value: (k) => k.name },
    { id: 'role', header: t('columns.role'), cell: (k) => tRoles(k.role), value: (k) => tRoles(k.role) },
    { id: 'instance', header: t('columns.instance'), cell: instance, value: instance },
    { id: 'hint', header: t('columns.hint'), cell: (k) => <code className="text-xs text-muted">{k.hint}…</code>, value: (k) => k.hint },
    {
      id: 'created',
      header: t('columns.created'),
      cell: (k) => (
        <span className="text-muted">
          {when(k.createdAt)}
          <span className="block text-xs [overflow-wrap:anywhere]">{t('createdBy', { by: k.createdBy })}</span>
        </span>
      ),
      value: (k) => k.createdAt,
    },
    { id: 'lastUsed', header: t('columns.lastUsed'), cell: (k) => <span className="text-muted">{k.lastUsedAt ? when(k.lastUsedAt) : t('neverUsed')}</span>, value: (k) => k.lastUsedAt },
    { id: 'expires', header: t('columns.expires'), cell: (k) => <span className="text-muted">{when(k.expiresAt)}</span>, value: (k) => k.expiresAt },
    {
      id: 'state',
      header: t('columns.state'),
      cell: (k) =>
        k.revokedAt ? (
          <Badge tone="danger">{t('revoked', { date: formatDateTime(locale, k.revokedAt, timeZone) })}</Badge>
        ) : k.state === 'active' ? (
          <Badge tone="ok">{t('active')}</Badge>
        ) : (
          <Badge tone="danger">{t(k.state === 'expired' ? 'expired' : 'creatorLostAccess')}</Badge>
        ),
      value: (k) => (k.revokedAt ? 'revoked' : k.state),
    },
    { id: 'actions', header: t('columns.actions'), cell: (k) => (k.revokedAt ? null : <RevokeTokenForm tokenId={k.id} name={k.name} />), card: (k) => !k.revokedAt },
  ];
  return (
    <DataTable
      id="tokens"
      testId="tokens-table"
      caption={t('listCaption')}
      columns={columns}
      rows={tokens}
      rowId={(k) => k.id}
      rowProps={(k) => ({ 'data-token-name': k.name })}
      empty={t('none')}
      scroll
      tableClassName="min-w-[60rem]"
      cardTitleAs="h3"
    />
  );
}
