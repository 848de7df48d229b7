'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FormError } from '@/components/auth/form-error';
import { PendingButton } from '@/components/ui/pending-button';
import { TextField } from '@/components/ui/text-field';
import type { UserRole } from '@/lib/auth/roles';
import type { ActionResult } from '@/lib/validation/result';
import type { AdminInstance } from '@/server/data/admin';
import { createUser, type CreatedUserResult } from '@/server/actions/create-user';
import { InstanceField } from '../instance-field';
import { OneTimeSecret } from '../one-time-secret';
import { RoleField } from '../role-field';

/** Email, optional name, role and instance of a new login; on success, its one-time password, shown once. */
export function CreateUserForm({ instances }: { instances: readonly AdminInstance[] }) {
  const t = useTranslations();
  const [state, action] = useActionState<ActionResult<CreatedUserResult> | null, FormData>(createUser, null);
  // Controlled, so a failed attempt keeps what was typed; cleared after a success.
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<UserRole>('manager');
  const [instanceId, setInstanceId] = useState('');
  const [seen, setSeen] = useState(state);
  const [dismissed, setDismissed] = useState<typeof state>(null);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) {
      setEmail('');
      setName('');
    }
  }
  const failure = state && !state.ok ? state : null;
  const created = state?.ok && state !== dismissed ? state.data : null;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-3" noValidate>
        <FormError message={failure?.formError} />
        {/* The instance select takes its own width (its longest option), the text fields what is left. */}
        <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,2fr)_minmax(0,1fr)_auto_auto] md:items-end">
          <TextField
            name="email"
            label={t('auth.email')}
            type="email"
            autoComplete="off"
            spellCheck={false}
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            errors={failure?.fieldErrors.email}
          />
          <TextField
            name="name"
            label={t('adminUsers.nameOptional')}
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            errors={failure?.fieldErrors.name}
          />
          <RoleField label={t('adminUsers.role')} value={role} onChange={setRole} errors={failure?.fieldErrors.role} />
          <InstanceField label={t('adminUsers.instance')} instances={instances} value={instanceId} onChange={setInstanceId} errors={failure?.fieldErrors.instanceId} />
          <PendingButton label={t('adminUsers.create')} pendingLabel={t('adminUsers.creating')} />
        </div>
      </form>
      {created ? (
        <OneTimeSecret
          title={t('adminUsers.oneTimePassword', { email: created.email })}
          hint={t('adminUsers.oneTimePasswordHint')}
          value={created.oneTimePassword}
          onDismiss={() => setDismissed(state)}
        />
      ) : null}
    </div>
  );
}
