import { getTranslations } from 'next-intl/server';
import type { AdminInstance, AdminUser } from '@/server/data/admin';
import { UserRow } from './user-row';
import { ScrollRegion } from '@/components/ui/scroll-region';

/** The logins with their role, instance, state and actions. */
export async function UsersTable({ users, instances, timeZone }: { users: AdminUser[]; instances: AdminInstance[]; timeZone: string }) {
  const t = await getTranslations('adminUsers');
  return (
    <ScrollRegion labelledBy="users-caption">
      <table className="w-full min-w-[60rem] border-collapse text-left text-sm">
        <caption id="users-caption" className="sr-only">
          {t('listCaption')}
        </caption>
        <thead>
          <tr className="border-b border-line text-xs tracking-wide text-muted uppercase">
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('columns.login')}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('columns.role')}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('columns.instance')}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('columns.state')}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('columns.created')}
            </th>
            <th scope="col" className="py-2 font-medium">
              {t('columns.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} instances={instances} timeZone={timeZone} />
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
