'use client';

import { useTranslations } from 'next-intl';
import { SelectField } from '@/components/ui/select-field';
import type { AdminInstance } from '@/server/data/admin';

/**
 * The library instance a new login or API token is tied to: "All instances (not tied)" (the
 * value '') or one of the instances, by name. `isAllOffered` false leaves out "All instances" (an
 * admin who is tied to an instance may only make tokens tied to it).
 */
export function InstanceField({
  label,
  instances,
  value,
  onChange,
  errors,
  hint,
  isAllOffered = true,
}: {
  label: string;
  instances: readonly AdminInstance[];
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  hint?: string;
  isAllOffered?: boolean;
}) {
  const t = useTranslations('adminUsers');
  const options = [...(isAllOffered ? [{ value: '', label: t('allInstances') }] : []), ...instances.map((i) => ({ value: String(i.id), label: i.name }))];
  return <SelectField name="instanceId" label={label} value={value} onChange={(e) => onChange(e.target.value)} options={options} errors={errors} hint={hint} />;
}
