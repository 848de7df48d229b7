'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/components/ui/text-field';
import type { ActionResult } from '@/lib/validation/result';
import { changePassword } from '@/server/actions/change-password';
import { FormError } from './form-error';
import { SubmitButton } from './submit-button';

/** The current password and the new one twice (`minLength` from lib/validation/auth, passed by the page). */
export function ChangePasswordForm({ next, minLength, email }: { next: string; minLength: number; email: string }) {
  const t = useTranslations('auth');
  const [state, action] = useActionState<ActionResult | null, FormData>(changePassword, null);
  const failure = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {/* For password managers: which login the new password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormError message={failure?.formError} />
      <TextField
        name="currentPassword"
        label={t('currentPassword')}
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        errors={failure?.fieldErrors.currentPassword}
      />
      <TextField
        name="newPassword"
        label={t('newPassword')}
        hint={t('newPasswordHint', { min: minLength })}
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
        errors={failure?.fieldErrors.newPassword}
      />
      <TextField
        name="confirmPassword"
        label={t('confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
        errors={failure?.fieldErrors.confirmPassword}
      />
      <SubmitButton label={t('changePassword')} pendingLabel={t('changing')} />
    </form>
  );
}
