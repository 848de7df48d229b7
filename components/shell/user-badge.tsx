import { useTranslations } from 'next-intl';
import type { UserRole } from '@/lib/auth/permissions';

/** Who is signed in: their name and their role. */
export function UserBadge({ name, role, email }: { name: string; role: UserRole; email?: string }) {
  const t = useTranslations();
  return (
    <div className="min-w-0 text-sm leading-tight" title={email}>
      <p className="truncate font-medium text-ink" data-testid="user-name">
        {t.rich('shell.signedInAs', { name, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
      </p>
      <p className="text-xs text-muted" data-testid="user-role">
        {t('shell.roleLabel', { role: t(`common.roles.${role}`) })}
      </p>
    </div>
  );
}
