'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId, useState } from 'react';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { SuccessNotice } from '@/components/ui/notice';
import { PendingButton } from '@/components/ui/pending-button';
import { USER_ROLES, type UserRole } from '@/lib/auth/roles';
import type { ActionResult } from '@/lib/validation/result';
import { changeUserInstance, type ChangedUserInstanceResult } from '@/server/actions/change-user-instance';
import { changeUserRole } from '@/server/actions/change-user-role';
import { disableUser } from '@/server/actions/disable-user';
import { enableUser } from '@/server/actions/enable-user';
import { resetUserPassword, type ResetPasswordResult } from '@/server/actions/reset-user-password';
import type { AdminInstance, AdminUser } from '@/server/data/admin';
import { OneTimeSecret } from '../one-time-secret';

/*
 * The changeable cells of a login's row (and card): its role, its instance tie, and disable/enable
 * and password reset behind a confirmation. Each cell keeps its own action and says its outcome
 * under its controls. Ids come from useId: the table and the phone's cards both hold the cells.
 */

type Feedback = { kind: 'ok'; message: string } | { kind: 'error'; message: string } | { kind: 'secret'; value: string } | null;

function failureMessage(result: ActionResult<unknown> | null): string | null {
  if (!result || result.ok) return null;
  return result.formError ?? Object.values(result.fieldErrors).flat().join(' ');
}

const SELECT_CLASS =
  'max-w-full rounded-md border border-line bg-surface px-2 py-1 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand';

function FeedbackView({ feedback, email, onDismiss }: { feedback: Feedback; email: string; onDismiss: () => void }) {
  const t = useTranslations('adminUsers');
  if (!feedback) return null;
  return (
    <div className="mt-2 min-w-56">
      {feedback.kind === 'ok' ? <SuccessNotice>{feedback.message}</SuccessNotice> : null}
      {feedback.kind === 'error' ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-danger/5 px-3 py-2 text-sm text-danger">
          {feedback.message}
        </p>
      ) : null}
      {feedback.kind === 'secret' ? <OneTimeSecret title={t('oneTimePassword', { email })} hint={t('oneTimePasswordHint')} value={feedback.value} onDismiss={onDismiss} /> : null}
    </div>
  );
}

/** A select of choices with its (visually hidden) label and the button that applies it. */
function ChangeForm(props: {
  action: (data: FormData) => void;
  userId: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  button: { label: string; pendingLabel: string; ariaLabel: string; disabled: boolean };
}) {
  const id = useId();
  return (
    <form action={props.action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={props.userId} />
      <label htmlFor={id} className="sr-only">
        {props.label}
      </label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value)} className={SELECT_CLASS}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <PendingButton label={props.button.label} pendingLabel={props.button.pendingLabel} variant="secondary" size="sm" disabled={props.button.disabled} aria-label={props.button.ariaLabel} />
    </form>
  );
}

/** The role of a login, by its name; changeable except for one's own. */
export function UserRoleCell({ user }: { user: AdminUser }) {
  const t = useTranslations();
  const [state, action] = useActionState<ActionResult<{ changed: boolean; role: UserRole }> | null, FormData>(changeUserRole, null);
  const [role, setRole] = useState<string>(user.role);
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state && !state.ok) setRole(user.role);
  }
  if (user.isSelf) return <span>{t(`common.roles.${user.role}`)}</span>;
  const feedback: Feedback = !state
    ? null
    : state.ok
      ? {
          kind: 'ok',
          message: state.data.changed
            ? t('adminUsers.roleChanged', { email: user.email, role: t(`common.roles.${state.data.role}`) })
            : t('adminUsers.roleUnchanged', { email: user.email }),
        }
      : { kind: 'error', message: failureMessage(state) ?? '' };
  return (
    <>
      <ChangeForm
        action={action}
        userId={user.id}
        name="role"
        label={t('adminUsers.roleOf', { email: user.email })}
        value={role}
        onChange={setRole}
        options={USER_ROLES.map((r) => ({ value: r, label: t(`common.roles.${r}`) }))}
        button={{ label: t('adminUsers.changeRole'), pendingLabel: t('adminUsers.changingRole'), ariaLabel: `${t('adminUsers.changeRole')}: ${user.email}`, disabled: role === user.role }}
      />
      <FeedbackView feedback={feedback} email={user.email} onDismiss={() => undefined} />
    </>
  );
}

/** The instance a login is tied to (or all); changeable except for one's own. */
export function UserInstanceCell({ user, instances }: { user: AdminUser; instances: readonly AdminInstance[] }) {
  const t = useTranslations('adminUsers');
  const [state, action] = useActionState<ActionResult<ChangedUserInstanceResult> | null, FormData>(changeUserInstance, null);
  const tieValue = user.instance ? String(user.instance.id) : '';
  const [instanceId, setInstanceId] = useState(tieValue);
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state && !state.ok) setInstanceId(tieValue);
  }
  const instanceName = (id: number | null) => (id === null ? t('allInstancesShort') : (instances.find((i) => i.id === id)?.name ?? t('goneInstance', { id })));
  if (user.isSelf) return <span>{instanceName(user.instance?.id ?? null)}</span>;
  let feedback: Feedback = null;
  if (state && state.ok) {
    const { changed, instanceId: tie } = state.data;
    const message = !changed ? t('instanceUnchanged', { email: user.email }) : tie === null ? t('instanceUntied', { email: user.email }) : t('instanceChanged', { email: user.email, instance: instanceName(tie) });
    feedback = { kind: 'ok', message };
  } else if (state) feedback = { kind: 'error', message: failureMessage(state) ?? '' };
  const gone = user.instance && !instances.some((i) => i.id === user.instance!.id) ? [{ value: String(user.instance.id), label: t('goneInstance', { id: user.instance.id }) }] : [];
  return (
    <>
      <ChangeForm
        action={action}
        userId={user.id}
        name="instanceId"
        label={t('instanceOf', { email: user.email })}
        value={instanceId}
        onChange={setInstanceId}
        // "All instances" without "(not tied)": the column says what it is, and the longer words pushed
        // the actions off the table at 1280 px in Dutch. The create form keeps the longer words.
        options={[{ value: '', label: t('allInstancesShort') }, ...instances.map((i) => ({ value: String(i.id), label: i.name })), ...gone]}
        button={{ label: t('changeInstance'), pendingLabel: t('changingInstance'), ariaLabel: t('changeInstanceLabel', { email: user.email }), disabled: instanceId === tieValue }}
      />
      <FeedbackView feedback={feedback} email={user.email} onDismiss={() => undefined} />
    </>
  );
}

/** An action on a login behind a confirmation: the button, the question, what it does, the button that does it. */
function ConfirmForm({ action, userId, email, keys }: { action: (data: FormData) => void; userId: string; email: string; keys: [ConfirmKey, ConfirmKey, ConfirmKey, ConfirmKey, ConfirmKey] }) {
  const t = useTranslations();
  const [label, ariaLabel, title, body, confirm] = keys;
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <ConfirmButton
        label={t(`adminUsers.${label}`)}
        ariaLabel={t(`adminUsers.${ariaLabel}`, { email })}
        title={t(`adminUsers.${title}`, { email })}
        body={t(`adminUsers.${body}`)}
        confirmLabel={t(`adminUsers.${confirm}`)}
        cancelLabel={t('admin.cancel')}
        pendingLabel={t('adminUsers.working')}
      />
    </form>
  );
}

type ConfirmKey =
  | 'disable'
  | 'disableLabel'
  | 'disableConfirmTitle'
  | 'disableConfirmBody'
  | 'disableConfirm'
  | 'resetPassword'
  | 'resetPasswordLabel'
  | 'resetConfirmTitle'
  | 'resetConfirmBody'
  | 'resetConfirm';

/** Disable or enable a login, and reset its password (a one-time password, shown once). */
export function UserActionsCell({ user }: { user: AdminUser }) {
  const t = useTranslations();
  const [disableState, disableAction] = useActionState<ActionResult<{ changed: boolean }> | null, FormData>(disableUser, null);
  const [enableState, enableAction] = useActionState<ActionResult<{ changed: boolean }> | null, FormData>(enableUser, null);
  const [resetState, resetAction] = useActionState<ActionResult<ResetPasswordResult> | null, FormData>(resetUserPassword, null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  // The latest answer of the three actions becomes the cell's feedback.
  const [seen, setSeen] = useState({ disableState, enableState, resetState });
  if (seen.disableState !== disableState || seen.enableState !== enableState || seen.resetState !== resetState) {
    setSeen({ disableState, enableState, resetState });
    if (seen.disableState !== disableState && disableState)
      setFeedback(disableState.ok ? { kind: 'ok', message: t('adminUsers.disabled', { email: user.email }) } : { kind: 'error', message: failureMessage(disableState) ?? '' });
    if (seen.enableState !== enableState && enableState)
      setFeedback(enableState.ok ? { kind: 'ok', message: t('adminUsers.enabled', { email: user.email }) } : { kind: 'error', message: failureMessage(enableState) ?? '' });
    if (seen.resetState !== resetState && resetState)
      setFeedback(resetState.ok ? { kind: 'secret', value: resetState.data.oneTimePassword } : { kind: 'error', message: failureMessage(resetState) ?? '' });
  }
  if (user.isSelf) return null;
  return (
    <>
      <div className="flex flex-wrap gap-2">
        {user.isDisabled ? (
          <form action={enableAction}>
            <input type="hidden" name="userId" value={user.id} />
            <PendingButton label={t('adminUsers.enable')} pendingLabel={t('adminUsers.working')} variant="secondary" size="sm" aria-label={t('adminUsers.enableLabel', { email: user.email })} />
          </form>
        ) : (
          <ConfirmForm action={disableAction} userId={user.id} email={user.email} keys={['disable', 'disableLabel', 'disableConfirmTitle', 'disableConfirmBody', 'disableConfirm']} />
        )}
        <ConfirmForm action={resetAction} userId={user.id} email={user.email} keys={['resetPassword', 'resetPasswordLabel', 'resetConfirmTitle', 'resetConfirmBody', 'resetConfirm']} />
      </div>
      <FeedbackView feedback={feedback} email={user.email} onDismiss={() => setFeedback(null)} />
    </>
  );
}
