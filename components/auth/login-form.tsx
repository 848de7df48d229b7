'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { TextField } from '@/components/ui/text-field';
import type { ActionResult } from '@/lib/validation/result';
import { signIn } from '@/server/actions/sign-in';
import { FormError } from './form-error';
import { SubmitButton } from './submit-button';

/** Email and password; a failed sign-in keeps the email and says nothing about which part was wrong. */
export function LoginForm({ next }: { next: string }) {
  const t = useTranslations('auth');
  const [state, action] = useActionState<ActionResult | null, FormData>(signIn, null);
  // Controlled, so React's reset of the form after a failed attempt keeps the email (and clears the password).
  const [email, setEmail] = useState('');
  const failure = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormError message={failure?.formError} />
      <TextField
        name="email"
        label={t('email')}
        type="email"
        autoComplete="username"
        required
        autoFocus
        spellCheck={false}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={failure?.fieldErrors.email}
      />
      <TextField name="password" label={t('password')} type="password" autoComplete="current-password" required errors={failure?.fieldErrors.password} />
      <SubmitButton label={t('signIn')} pendingLabel={t('signingIn')} />
    </form>
  );
}
