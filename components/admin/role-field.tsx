'use client';

import { useTranslations } from 'next-intl';
import { SelectField } from '@/components/ui/select-field';
import { USER_ROLES, type UserRole } from '@/lib/auth/roles';

/** The role of a new login or API token: a select of every role, by its name in the user's language. */
export function RoleField({ label, value, onChange, errors }: { label: string; value: UserRole; onChange: (role: UserRole) => void; errors?: string[] }) {
  const t = useTranslations('common.roles');
  return (
    <SelectField
      name="role"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as UserRole)}
      options={USER_ROLES.map((r) => ({ value: r, label: t(r) }))}
      errors={errors}
    />
  );
}
