'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FormError } from '@/components/auth/form-error';
import { PendingButton } from '@/components/ui/pending-button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { formatIsoDate } from '@/i18n/format';
import type { UserRole } from '@/lib/auth/roles';
import { API_TOKEN_DEFAULT_EXPIRY_DAYS, API_TOKEN_EXPIRY_CHOICES } from '@/lib/validation/auth';
import type { ActionResult } from '@/lib/validation/result';
import type { AdminInstance } from '@/server/data/admin';
import { createApiToken, type CreatedTokenResult } from '@/server/actions/create-api-token';
import { InstanceField } from '../instance-field';
import { OneTimeSecret } from '../one-time-secret';
import { RoleField } from '../role-field';

/**
 * Name, role, instance and lifetime of a new API token; on success, the token, shown once with a
 * copy button, and its expiry. An admin tied to an instance (`callerInstanceId`) is offered only
 * that instance: a token they make may not reach further than they do.
 */
export function CreateTokenForm({ instances, callerInstanceId }: { instances: readonly AdminInstance[]; callerInstanceId: number | null }) {
  const t = useTranslations();
  const locale = useLocale();
  const [state, action] = useActionState<ActionResult<CreatedTokenResult> | null, FormData>(createApiToken, null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<UserRole>('manager');
  const [expiresDays, setExpiresDays] = useState(String(API_TOKEN_DEFAULT_EXPIRY_DAYS));
  const ownInstance = callerInstanceId === null ? undefined : (instances.find((i) => i.id === callerInstanceId) ?? { id: callerInstanceId, name: t('adminUsers.goneInstance', { id: callerInstanceId }) });
  const [instanceId, setInstanceId] = useState(ownInstance ? String(ownInstance.id) : '');
  const [seen, setSeen] = useState(state);
  const [dismissed, setDismissed] = useState<typeof state>(null);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) {
      setName('');
      setExpiresDays(String(API_TOKEN_DEFAULT_EXPIRY_DAYS));
    }
  }
  const failure = state && !state.ok ? state : null;
  const created = state?.ok && state !== dismissed ? state.data : null;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-3" noValidate>
        <FormError message={failure?.formError} />
        {/* The instance and lifetime selects take their own width (their longest option), the name what is left. */}
        <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto_auto_auto] md:items-end">
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
          <InstanceField
            label={t('adminTokens.instance')}
            instances={ownInstance ? [ownInstance] : instances}
            isAllOffered={!ownInstance}
            value={instanceId}
            onChange={setInstanceId}
            errors={failure?.fieldErrors.instanceId}
          />
          <SelectField
            name="expiresDays"
            label={t('adminTokens.expiresAfter')}
            value={expiresDays}
            onChange={(e) => setExpiresDays(e.target.value)}
            options={API_TOKEN_EXPIRY_CHOICES.map((days) => ({ value: String(days), label: t('adminTokens.days', { days }) }))}
            errors={failure?.fieldErrors.expiresDays}
          />
          <PendingButton label={t('adminTokens.create')} pendingLabel={t('adminTokens.creating')} />
        </div>
        {ownInstance ? <p className="text-xs text-muted">{t('adminTokens.instanceHintTied', { name: ownInstance.name })}</p> : null}
      </form>
      {created ? (
        <OneTimeSecret
          title={t('adminTokens.newToken', { name: created.name })}
          hint={`${t('adminTokens.newTokenHint')} ${t('adminTokens.newTokenExpires', { date: formatIsoDate(locale, created.expiresAt.slice(0, 10)) })}`}
          value={created.token}
          onDismiss={() => setDismissed(state)}
        />
      ) : null}
    </div>
  );
}
