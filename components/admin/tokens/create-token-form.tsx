'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FormError } from '@/components/auth/form-error';
import { PendingButton } from '@/components/ui/pending-button';
import { TextField } from '@/components/ui/text-field';
import type { UserRole } from '@/lib/auth/roles';
import type { ActionResult } from '@/lib/validation/result';
import { createApiToken, type CreatedTokenResult } from '@/server/actions/create-api-token';
import { OneTimeSecret } from '../one-time-secret';
import { RoleField } from '../role-field';

/** Name and role of a new API token; on success, the token, shown once with a copy button. */
export function CreateTokenForm() {
  const t = useTranslations();
  const [state, action] = useActionState<ActionResult<CreatedTokenResult> | null, FormData>(createApiToken, null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<UserRole>('manager');
  const [seen, setSeen] = useState(state);
  const [dismissed, setDismissed] = useState<typeof state>(null);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setName('');
  }
  const failure = state && !state.ok ? state : null;
  const created = state?.ok && state !== dismissed ? state.data : null;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-3" noValidate>
        <FormError message={failure?.formError} />
        <div className="grid gap-4 md:grid-cols-[3fr_1fr_auto] md:items-end">
          <TextField
            name="name"
            label={t('adminTokens.name')}
            hint={t('adminTokens.nameHint')}
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            errors={failure?.fieldErrors.name}
          />
          <RoleField label={t('adminTokens.role')} value={role} onChange={setRole} errors={failure?.fieldErrors.role} />
          <PendingButton label={t('adminTokens.create')} pendingLabel={t('adminTokens.creating')} />
        </div>
      </form>
      {created ? (
        <OneTimeSecret
          title={t('adminTokens.newToken', { name: created.name })}
          hint={t('adminTokens.newTokenHint')}
          value={created.token}
          onDismiss={() => setDismissed(state)}
        />
      ) : null}
    </div>
  );
}
