'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useId, useRef, useState, useTransition } from 'react';
import { buttonClass } from '@/components/ui/button-styles';
import { DateField } from '@/components/ui/date-field';
import { CONTROL_CLASS, FieldShell } from '@/components/ui/field-shell';
import { LocalDate } from '@/components/ui/local-date';
import { SuccessNotice } from '@/components/ui/notice';
import { ConditionName } from '@/components/ui/terms';
import type { ReasonCode } from '@/lib/retention/conditions';
import { placeLegalHold, type PlaceLegalHoldResult } from '@/server/actions/place-legal-hold';
import { releaseLegalHold, type ReleaseLegalHoldResult } from '@/server/actions/release-legal-hold';
import { requestRemoval, type RequestRemovalResult } from '@/server/actions/request-removal';
import { useReasonText } from './reasons-panel';

type Errors = { formError: string | null; fieldErrors: Record<string, string[]> };
const NO_ERRORS: Errors = { formError: null, fieldErrors: {} };
type Preview = Extract<Extract<RequestRemovalResult, { ok: true }>['data'], { stage: 'preview' }>['preview'];

function ReasonField({ id, name, label, hint, value, onChange, errors, disabled }: { id: string; name: string; label: string; hint: string; value?: string; onChange?: (v: string) => void; errors?: string[]; disabled?: boolean }) {
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      {(control) => (
        <textarea
          {...control}
          name={name}
          rows={2}
          maxLength={1000}
          required
          disabled={disabled}
          {...(onChange ? { value: value ?? '', onChange: (e) => onChange(e.target.value) } : {})}
          className={CONTROL_CLASS}
        />
      )}
    </FieldShell>
  );
}

function FormAlert({ message }: { message: string | null | undefined }) {
  return message ? (
    <p role="alert" className="text-sm text-danger">
      {message}
    </p>
  ) : null;
}

/**
 * Removal on request (support, admin): a reason, then what the request would do, computed now by
 * the server ("removed by the next run" or "kept until … because" with each reason), then an
 * explicit confirmation that records it. Both steps are the same server action, which checks the
 * permission itself and refuses a second request.
 */
export function RemovalRequestForm({ actorId }: { actorId: number }) {
  const t = useTranslations('actors.requests.removal');
  const text = useReasonText();
  const router = useRouter();
  const id = useId();
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  /** The date of the request just recorded (its notice). */
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState<'check' | 'save' | null>(null);
  const [, startTransition] = useTransition();
  const previewRef = useRef<HTMLHeadingElement>(null);

  const submit = (confirmed: boolean) => {
    const fd = new FormData();
    fd.set('actorId', String(actorId));
    fd.set('reason', reason);
    if (confirmed) fd.set('confirmed', 'yes');
    setPending(confirmed ? 'save' : 'check');
    setSaved(null);
    startTransition(async () => {
      try {
        const result = await requestRemoval(null, fd);
        if (!result.ok) {
          setErrors({ formError: result.formError, fieldErrors: result.fieldErrors });
          return;
        }
        setErrors(NO_ERRORS);
        if (result.data.stage === 'preview') {
          setPreview(result.data.preview);
          requestAnimationFrame(() => previewRef.current?.focus());
        } else {
          setPreview(null);
          setReason('');
          setSaved(result.data.requestedOn);
          router.refresh();
        }
      } finally {
        setPending(null);
      }
    });
  };

  const busy = pending !== null;
  return (
    <div className="space-y-4" data-testid="removal-request-form">
      {saved ? <SuccessNotice>{t.rich('saved', { date: saved, d: () => <LocalDate date={saved} /> })}</SuccessNotice> : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!preview) submit(false);
        }}
        className="space-y-3"
      >
        <ReasonField
          id={`${id}-reason`}
          name="reason"
          label={t('reason')}
          hint={t('reasonHint')}
          value={reason}
          onChange={(v) => {
            setReason(v);
            setPreview(null);
          }}
          errors={errors.fieldErrors.reason}
          disabled={busy || preview !== null}
        />
        {!preview ? (
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" disabled={busy} className={buttonClass('secondary')}>
              {pending === 'check' ? t('checking') : t('check')}
            </button>
            <FormAlert message={errors.formError} />
          </div>
        ) : null}
      </form>

      {preview ? (
        <section aria-labelledby={`${id}-preview`} className="space-y-3 rounded-md border border-danger/30 bg-danger/5 p-4" data-testid="removal-preview">
          <h4 id={`${id}-preview`} ref={previewRef} tabIndex={-1} className="text-sm font-semibold text-ink">
            {t.rich('previewTitle', { date: preview.requestedOn, d: () => <LocalDate date={preview.requestedOn} /> })}
          </h4>
          {preview.due ? (
            <p className="text-sm font-medium text-danger" data-testid="preview-outcome">
              {t('willRemove')}
            </p>
          ) : (
            <>
              <p className="text-sm font-medium text-ink" data-testid="preview-outcome">
                {preview.date ? t.rich('willKeep', { date: preview.date, d: () => <LocalDate date={preview.date!} /> }) : t('willKeepOpen')}
              </p>
              <ul className="list-disc space-y-1 pl-5 text-sm text-ink" data-testid="preview-reasons">
                {preview.reasons.map((r) => (
                  <li key={r.code} data-code={r.code}>
                    <ConditionName code={r.code} className="font-semibold" />: {text.meaning(r.code as ReasonCode)}{' '}
                    <span className="text-muted">({r.until ? t.rich('reasonUntil', { date: r.until, d: () => <LocalDate date={r.until!} /> }) : t('reasonOpen')})</span>
                  </li>
                ))}
              </ul>
              {preview.date ? <p className="text-sm text-muted">{t('willKeepAfter')}</p> : null}
            </>
          )}
          <p className="text-sm font-medium text-ink">{t('irreversible')}</p>
          <FormAlert message={errors.formError} />
          <div className="flex flex-wrap gap-3">
            <button type="button" disabled={busy} onClick={() => submit(true)} className={buttonClass('danger')}>
              {pending === 'save' ? t('saving') : t('confirm')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setPreview(null);
                setErrors(NO_ERRORS);
              }}
              className={buttonClass('secondary')}
            >
              {t('cancel')}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

/** Refreshes the page's server data once after a successful action, and clears the form's reason. */
function useAfterSuccess(state: { ok: boolean } | null, clear: () => void) {
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) {
      clear();
      router.refresh();
    }
    // Only when a new result arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
}

/**
 * The legal hold (admin only): place one with a reason and an optional end date, or change the end
 * date of the one placed, or release it with a reason. Server actions with useActionState; each
 * checks `actor.legal_hold` itself. The fields are controlled, so a refused value stays to correct.
 */
export function LegalHoldForms({ actorId, hold }: { actorId: number; hold: { until: string | null; reason: string | null } | null }) {
  const t = useTranslations('actors.requests.hold');
  const id = useId();
  const [until, setUntil] = useState(hold?.until ?? '');
  // A new field (empty) once the hold is released: the date field keeps what is typed itself.
  const [untilField, setUntilField] = useState(0);
  const [reason, setReason] = useState('');
  const [releaseReason, setReleaseReason] = useState('');
  const [placeState, placeAction, placing] = useActionState<PlaceLegalHoldResult | null, FormData>(placeLegalHold, null);
  const [releaseState, releaseAction, releasing] = useActionState<ReleaseLegalHoldResult | null, FormData>(releaseLegalHold, null);
  useAfterSuccess(placeState, () => setReason(''));
  useAfterSuccess(releaseState, () => {
    setReleaseReason('');
    setUntil('');
    setUntilField((n) => n + 1);
  });
  const placeErrors = placeState && !placeState.ok ? placeState : null;
  const releaseErrors = releaseState && !releaseState.ok ? releaseState : null;

  return (
    <div className="space-y-5" data-testid="legal-hold-forms">
      {placeState?.ok && hold ? (
        <SuccessNotice>{t.rich('placed', { until: placeState.data.until ? 'date' : 'none', date: placeState.data.until ?? '', d: () => <LocalDate date={placeState.data.until!} /> })}</SuccessNotice>
      ) : null}
      {releaseState?.ok && !hold ? <SuccessNotice>{t('released')}</SuccessNotice> : null}
      {hold ? (
        <div className="text-sm text-ink" data-testid="hold-current">
          <p className="font-medium">{t.rich('current', { until: hold.until ? 'date' : 'none', date: hold.until ?? '', d: () => <LocalDate date={hold.until!} /> })}</p>
          {hold.reason ? <p className="mt-0.5 break-words text-muted">{t('currentReason', { reason: hold.reason })}</p> : null}
        </div>
      ) : (
        <p className="text-sm text-muted">{t('none')}</p>
      )}

      <form action={placeAction} noValidate className="space-y-3">
        <input type="hidden" name="actorId" value={actorId} />
        <DateField
          key={untilField}
          id={`${id}-until`}
          name="until"
          label={t('until')}
          hint={t('untilHint')}
          defaultValue={until}
          onValueChange={setUntil}
          errors={placeErrors?.fieldErrors.until}
          className="max-w-xs"
        />
        <ReasonField
          id={`${id}-reason`}
          name="reason"
          label={t('reason')}
          hint={hold ? t('changeReasonHint') : t('reasonHint')}
          value={reason}
          onChange={setReason}
          errors={placeErrors?.fieldErrors.reason}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={placing} className={buttonClass('primary')}>
            {placing ? t('saving') : hold ? t('change') : t('place')}
          </button>
          <FormAlert message={placeErrors?.formError} />
        </div>
      </form>

      {hold ? (
        <form action={releaseAction} noValidate className="space-y-3 border-t border-line pt-4">
          <input type="hidden" name="actorId" value={actorId} />
          <ReasonField
            id={`${id}-release`}
            name="reason"
            label={t('releaseReason')}
            hint={t('releaseHint')}
            value={releaseReason}
            onChange={setReleaseReason}
            errors={releaseErrors?.fieldErrors.reason}
          />
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" disabled={releasing} className={buttonClass('danger')}>
              {releasing ? t('releasing') : t('release')}
            </button>
            <FormAlert message={releaseErrors?.formError} />
          </div>
        </form>
      ) : null}
    </div>
  );
}
