'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { PendingButton } from '@/components/ui/pending-button';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { SuccessNotice } from '@/components/ui/notice';
import { formatDateTime } from '@/i18n/format';
import { USER_ROLES, type UserRole } from '@/lib/auth/roles';
import type { ActionResult } from '@/lib/validation/result';
import { changeUserInstance, type ChangedUserInstanceResult } from '@/server/actions/change-user-instance';
import { changeUserRole } from '@/server/actions/change-user-role';
import { disableUser } from '@/server/actions/disable-user';
import { enableUser } from '@/server/actions/enable-user';
import { resetUserPassword, type ResetPasswordResult } from '@/server/actions/reset-user-password';
import type { AdminInstance, AdminUser } from '@/server/data/admin';
import { OneTimeSecret } from '../one-time-secret';

type Feedback = { kind: 'ok'; message: string } | { kind: 'error'; message: string } | { kind: 'secret'; value: string } | null;

function failureMessage(result: ActionResult<unknown> | null): string | null {
  if (!result || result.ok) return null;
  return result.formError ?? Object.values(result.fieldErrors).flat().join(' ');
}

const SELECT_CLASS =
  'rounded-md border border-line bg-surface px-2 py-1 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand';

/**
 * One login: its role and its instance tie (both changeable), its state, and disable/enable and
 * password reset behind a confirmation.
 */
export function UserRow({ user, instances, timeZone }: { user: AdminUser; instances: readonly AdminInstance[]; timeZone: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const [roleState, roleAction] = useActionState<ActionResult<{ changed: boolean; role: UserRole }> | null, FormData>(changeUserRole, null);
  const [instanceState, instanceAction] = useActionState<ActionResult<ChangedUserInstanceResult> | null, FormData>(changeUserInstance, null);
  const [disableState, disableAction] = useActionState<ActionResult<{ changed: boolean }> | null, FormData>(disableUser, null);
  const [enableState, enableAction] = useActionState<ActionResult<{ changed: boolean }> | null, FormData>(enableUser, null);
  const [resetState, resetAction] = useActionState<ActionResult<ResetPasswordResult> | null, FormData>(resetUserPassword, null);
  const [role, setRole] = useState<UserRole>(user.role);
  const tieValue = user.instance ? String(user.instance.id) : '';
  const [instanceId, setInstanceId] = useState(tieValue);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const instanceName = (id: number | null) =>
    id === null ? t('adminUsers.allInstancesShort') : (instances.find((i) => i.id === id)?.name ?? t('adminUsers.goneInstance', { id }));

  // The latest answer of any of the row's actions becomes the row's feedback.
  const [seen, setSeen] = useState({ roleState, instanceState, disableState, enableState, resetState });
  if (
    seen.roleState !== roleState ||
    seen.instanceState !== instanceState ||
    seen.disableState !== disableState ||
    seen.enableState !== enableState ||
    seen.resetState !== resetState
  ) {
    setSeen({ roleState, instanceState, disableState, enableState, resetState });
    if (seen.roleState !== roleState && roleState) {
      if (roleState.ok) {
        const roleName = t(`common.roles.${roleState.data.role}`);
        setFeedback({ kind: 'ok', message: roleState.data.changed ? t('adminUsers.roleChanged', { email: user.email, role: roleName }) : t('adminUsers.roleUnchanged', { email: user.email }) });
      } else {
        setRole(user.role);
        setFeedback({ kind: 'error', message: failureMessage(roleState) ?? '' });
      }
    }
    if (seen.instanceState !== instanceState && instanceState) {
      if (instanceState.ok) {
        const { changed, instanceId: tie } = instanceState.data;
        setFeedback({
          kind: 'ok',
          message: !changed
            ? t('adminUsers.instanceUnchanged', { email: user.email })
            : tie === null
              ? t('adminUsers.instanceUntied', { email: user.email })
              : t('adminUsers.instanceChanged', { email: user.email, instance: instanceName(tie) }),
        });
      } else {
        setInstanceId(tieValue);
        setFeedback({ kind: 'error', message: failureMessage(instanceState) ?? '' });
      }
    }
    if (seen.disableState !== disableState && disableState)
      setFeedback(disableState.ok ? { kind: 'ok', message: t('adminUsers.disabled', { email: user.email }) } : { kind: 'error', message: failureMessage(disableState) ?? '' });
    if (seen.enableState !== enableState && enableState)
      setFeedback(enableState.ok ? { kind: 'ok', message: t('adminUsers.enabled', { email: user.email }) } : { kind: 'error', message: failureMessage(enableState) ?? '' });
    if (seen.resetState !== resetState && resetState)
      setFeedback(resetState.ok ? { kind: 'secret', value: resetState.data.oneTimePassword } : { kind: 'error', message: failureMessage(resetState) ?? '' });
  }

  const roleName = t(`common.roles.${user.role}`);
  return (
    <>
      <tr className="border-b border-line align-top last:border-0" data-email={user.email}>
        <th scope="row" className="min-w-48 py-3 pr-4 text-left font-normal">
          <span className="block font-medium text-ink">
            {user.name}
            {user.isSelf ? <span className="ml-1.5 text-xs font-normal text-muted">({t('adminUsers.you')})</span> : null}
          </span>
          <span className="block text-xs text-muted [overflow-wrap:anywhere]">{user.email}</span>
        </th>
        <td className="py-3 pr-4">
          {user.isSelf ? (
            <span>{roleName}</span>
          ) : (
            <form action={roleAction} className="flex flex-wrap items-center gap-2">
              <input type="hidden" name="userId" value={user.id} />
              <label htmlFor={`role-${user.id}`} className="sr-only">
                {t('adminUsers.roleOf', { email: user.email })}
              </label>
              <select
                id={`role-${user.id}`}
                name="role"
                value={role}
                onChange={(e) => setRole(e.target.value as UserRole)}
                className={SELECT_CLASS}
              >
                {USER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`common.roles.${r}`)}
                  </option>
                ))}
              </select>
              <PendingButton
                label={t('adminUsers.changeRole')}
                pendingLabel={t('adminUsers.changingRole')}
                variant="secondary"
                size="sm"
                disabled={role === user.role}
                aria-label={`${t('adminUsers.changeRole')}: ${user.email}`}
              />
            </form>
          )}
        </td>
        <td className="py-3 pr-4">
          {user.isSelf ? (
            <span>{instanceName(user.instance?.id ?? null)}</span>
          ) : (
            <form action={instanceAction} className="flex flex-wrap items-center gap-2">
              <input type="hidden" name="userId" value={user.id} />
              <label htmlFor={`instance-${user.id}`} className="sr-only">
                {t('adminUsers.instanceOf', { email: user.email })}
              </label>
              <select id={`instance-${user.id}`} name="instanceId" value={instanceId} onChange={(e) => setInstanceId(e.target.value)} className={SELECT_CLASS}>
                <option value="">{t('adminUsers.allInstances')}</option>
                {instances.map((i) => (
                  <option key={i.id} value={String(i.id)}>
                    {i.name}
                  </option>
                ))}
                {user.instance && !instances.some((i) => i.id === user.instance!.id) ? (
                  <option value={String(user.instance.id)}>{t('adminUsers.goneInstance', { id: user.instance.id })}</option>
                ) : null}
              </select>
              <PendingButton
                label={t('adminUsers.changeInstance')}
                pendingLabel={t('adminUsers.changingInstance')}
                variant="secondary"
                size="sm"
                disabled={instanceId === tieValue}
                aria-label={t('adminUsers.changeInstanceLabel', { email: user.email })}
              />
            </form>
          )}
        </td>
        <td className="py-3 pr-4">
          <span className="flex flex-wrap gap-1">
            {user.isDisabled ? (
              <span className="rounded-full bg-danger/10 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-danger ring-1 ring-danger/30 ring-inset">
                {t('adminUsers.states.disabled')}
              </span>
            ) : (
              <span className="rounded-full bg-ok/10 px-2 py-0.5 text-xs font-medium text-ok ring-1 ring-ok/30 ring-inset">{t('adminUsers.states.active')}</span>
            )}
            {user.mustChangePassword ? (
              <span className="rounded-full bg-warn/10 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-warn ring-1 ring-warn/30 ring-inset">
                {t('adminUsers.states.mustChangePassword')}
              </span>
            ) : null}
          </span>
        </td>
        <td className="py-3 pr-4 text-muted">
          <time dateTime={user.createdAt} title={user.createdAt} className="whitespace-nowrap">
            {formatDateTime(locale, user.createdAt, timeZone)}
          </time>
        </td>
        <td className="py-3">
          {user.isSelf ? null : (
            <div className="flex flex-wrap gap-2">
              {user.isDisabled ? (
                <form action={enableAction}>
                  <input type="hidden" name="userId" value={user.id} />
                  <PendingButton
                    label={t('adminUsers.enable')}
                    pendingLabel={t('adminUsers.working')}
                    variant="secondary"
                    size="sm"
                    aria-label={t('adminUsers.enableLabel', { email: user.email })}
                  />
                </form>
              ) : (
                <form action={disableAction}>
                  <input type="hidden" name="userId" value={user.id} />
                  <ConfirmButton
                    label={t('adminUsers.disable')}
                    ariaLabel={t('adminUsers.disableLabel', { email: user.email })}
                    title={t('adminUsers.disableConfirmTitle', { email: user.email })}
                    body={t('adminUsers.disableConfirmBody')}
                    confirmLabel={t('adminUsers.disableConfirm')}
                    cancelLabel={t('admin.cancel')}
                    pendingLabel={t('adminUsers.working')}
                  />
                </form>
              )}
              <form action={resetAction}>
                <input type="hidden" name="userId" value={user.id} />
                <ConfirmButton
                  label={t('adminUsers.resetPassword')}
                  ariaLabel={t('adminUsers.resetPasswordLabel', { email: user.email })}
                  title={t('adminUsers.resetConfirmTitle', { email: user.email })}
                  body={t('adminUsers.resetConfirmBody')}
                  confirmLabel={t('adminUsers.resetConfirm')}
                  cancelLabel={t('admin.cancel')}
                  pendingLabel={t('adminUsers.working')}
                />
              </form>
            </div>
          )}
        </td>
      </tr>
      {feedback ? (
        <tr className="border-b border-line">
          <td colSpan={6} className="pb-3">
            {feedback.kind === 'ok' ? <SuccessNotice>{feedback.message}</SuccessNotice> : null}
            {feedback.kind === 'error' ? (
              <p role="alert" className="rounded-md border border-danger/30 bg-danger/5 px-3 py-2 text-sm text-danger">
                {feedback.message}
              </p>
            ) : null}
            {feedback.kind === 'secret' ? (
              <OneTimeSecret
                title={t('adminUsers.oneTimePassword', { email: user.email })}
                hint={t('adminUsers.oneTimePasswordHint')}
                value={feedback.value}
                onDismiss={() => setFeedback(null)}
              />
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
