'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ConfirmButton } from '@/components/ui/confirm-button';
import type { ActionResult } from '@/lib/validation/result';
import { revokeApiToken } from '@/server/actions/revoke-api-token';

/** Revokes one token, behind a confirmation that says it cannot be undone. */
export function RevokeTokenForm({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations();
  const [state, action] = useActionState<ActionResult<{ changed: boolean }> | null, FormData>(revokeApiToken, null);
  const failure = state && !state.ok ? (state.formError ?? Object.values(state.fieldErrors).flat().join(' ')) : null;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <ConfirmButton
        label={t('adminTokens.revoke')}
        ariaLabel={t('adminTokens.revokeLabel', { name })}
        title={t('adminTokens.revokeConfirmTitle', { name })}
        body={t('adminTokens.revokeConfirmBody')}
        confirmLabel={t('adminTokens.revokeConfirm')}
        cancelLabel={t('admin.cancel')}
        pendingLabel={t('adminTokens.working')}
      />
      {failure ? (
        <p role="alert" className="text-sm text-danger">
          {failure}
        </p>
      ) : null}
    </form>
  );
}
