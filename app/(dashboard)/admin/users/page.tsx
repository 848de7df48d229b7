import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CreateUserForm } from '@/components/admin/users/create-user-form';
import { UsersTable } from '@/components/admin/users/users-table';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { requirePermission } from '@/server/auth/require-permission';
import { getAdminUsers } from '@/server/data/admin';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminUsers');
  return { title: t('title') };
}

/** Admin: the logins; create one, change a role or an instance tie, disable or enable, reset a password. */
export default async function AdminUsersPage() {
  await requirePermission('users.manage', { returnTo: '/admin/users' });
  const [{ users, instances, timeZone }, t] = await Promise.all([getAdminUsers(), getTranslations('adminUsers')]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <Panel id="create-user-heading" title={t('createTitle')}>
        <CreateUserForm instances={instances} />
      </Panel>
      <Panel id="users-heading" title={t('listTitle')} description={t('count', { count: users.length })}>
        <UsersTable users={users} instances={instances} timeZone={timeZone} />
      </Panel>
    </div>
  );
}
