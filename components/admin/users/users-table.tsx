'use client';

import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { LocalDateTime } from '@/components/ui/local-date';
import type { AdminInstance, AdminUser } from '@/server/data/admin';
import { UserActionsCell, UserInstanceCell, UserRoleCell } from './user-cells';

/**
 * The logins with their role (by name), instance, state and actions: a table from `sm` up, and on
 * a phone a card per login headed by its name and email, so the login and its role never hide
 * behind a sideways scroll.
 */
export function UsersTable({ users, instances, timeZone }: { users: AdminUser[]; instances: AdminInstance[]; timeZone: string }) {
  const t = useTranslations('adminUsers');
  const tRoles = useTranslations('common.roles');
  const columns: DataColumn<AdminUser>[] = [
    {
      id: 'login',
      header: t('columns.login'),
      isRowHeader: true,
      cell: (u) => (
        <span className="block min-w-40">
          <span className="block font-medium text-ink">
            {u.name}
            {u.isSelf ? <span className="ml-1.5 text-xs font-normal text-muted">({t('you')})</span> : null}
          </span>
          <span className="block text-xs font-normal text-muted [overflow-wrap:anywhere]">{u.email}</span>
        </span>
      ),
      value: (u) => `${u.name} ${u.email}`,
    },
    { id: 'role', header: t('columns.role'), cell: (u) => <UserRoleCell user={u} />, value: (u) => tRoles(u.role) },
    { id: 'instance', header: t('columns.instance'), cell: (u) => <UserInstanceCell user={u} instances={instances} />, value: (u) => u.instance?.id ?? null },
    {
      id: 'state',
      header: t('columns.state'),
      cell: (u) => (
        <span className="flex flex-wrap gap-1">
          {u.isDisabled ? <Badge tone="danger">{t('states.disabled')}</Badge> : <Badge tone="ok">{t('states.active')}</Badge>}
          {u.mustChangePassword ? <Badge tone="warn">{t('states.mustChangePassword')}</Badge> : null}
        </span>
      ),
      value: (u) => (u.isDisabled ? 'disabled' : 'active'),
    },
    // The day and the time may wrap: the actions column needs the room at 1280 px in Dutch.
    { id: 'created', header: t('columns.created'), cell: (u) => <LocalDateTime at={u.createdAt} timeZone={timeZone} className="text-muted" />, value: (u) => u.createdAt, className: 'min-w-24' },
    { id: 'actions', header: t('columns.actions'), cell: (u) => <UserActionsCell user={u} />, card: (u) => !u.isSelf },
  ];
  return (
    <DataTable
      id="users"
      testId="users-table"
      caption={t('listCaption')}
      columns={columns}
      rows={users}
      rowId={(u) => u.id}
      rowProps={(u) => ({ 'data-email': u.email })}
      empty="—"
      scroll
      tableClassName="min-w-[56rem]"
      cardTitleAs="h3"
    />
  );
}
