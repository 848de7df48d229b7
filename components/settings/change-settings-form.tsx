'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, useTransition } from 'react';
import { buttonClass } from '@/components/ui/button-styles';
import { SuccessNotice } from '@/components/ui/notice';
import { formatCount } from '@/i18n/format';
import { SETTING_MAX, SETTING_NAMES, type SettingName } from '@/lib/retention/settings';
import type { SettingsWhatIf } from '@/lib/settings/what-if';
import { previewSettingsChange } from '@/server/actions/preview-settings-change';
import { saveSettingsChange } from '@/server/actions/save-settings-change';
import { useSettingValueText } from './setting-value';
import { WhatIfView } from './what-if-view';

type Props = {
  /** The stored values when the page was rendered (null: a missing row, read as 0). */
  current: { name: SettingName; value: number | null; unit: 'months' | 'days' }[];
};

type Errors = { formError: string | null; fieldErrors: Record<string, string[]> };
const NO_ERRORS: Errors = { formError: null, fieldErrors: {} };

/** The hidden field of a value the what-if was computed with (lib/validation/settings-form.ts expectedField; not imported, to keep zod out of the browser). */
const expectedField = (name: SettingName) => `expected_${name}`;

const valuesOf = (current: Props['current']) => Object.fromEntries(current.map((s) => [s.name, String(s.value ?? 0)])) as Record<SettingName, string>;

/**
 * The admin's change form (RETENTION.md, "Changing settings"): new values → the what-if as of
 * today (pending while it counts) → a reason and an explicit confirmation → save; beyond the
 * circuit breaker a second confirmation in which the admin types the number of actors. Both steps
 * are server actions that check the permission themselves; the save computes the what-if again
 * and refuses when someone else changed a setting since (the new what-if is shown instead).
 */
export function ChangeSettingsForm({ current }: Props) {
  const t = useTranslations('settings');
  const o = useTranslations('overview');
  const locale = useLocale();
  const router = useRouter();
  const valueText = useSettingValueText();
  const unitOf = Object.fromEntries(current.map((s) => [s.name, s.unit])) as Record<SettingName, 'months' | 'days'>;

  const [values, setValues] = useState<Record<SettingName, string>>(() => valuesOf(current));
  const [whatIf, setWhatIf] = useState<SettingsWhatIf | null>(null);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [typedNumber, setTypedNumber] = useState('');
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  /** A message about the what-if shown again after a conflict (announced as an alert). */
  const [conflict, setConflict] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState<'preview' | 'save' | null>(null);
  const [, startTransition] = useTransition();

  const dialogRef = useRef<HTMLDialogElement>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  const reviewHeadingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();

  const reviewing = whatIf !== null;
  const busy = pending !== null;

  const backToEdit = () => {
    setWhatIf(null);
    setConfirmed(false);
    setTypedNumber('');
    setConflict(null);
    setErrors(NO_ERRORS);
  };

  const cancel = () => {
    backToEdit();
    setReason('');
    setValues(valuesOf(current));
  };

  // Only the values the admin edited: a setting someone else changed since the page was loaded is
  // then not silently set back to what this page showed.
  const valuesForm = () => {
    const fd = new FormData();
    const loaded = valuesOf(current);
    for (const name of SETTING_NAMES) if (values[name] !== loaded[name]) fd.set(name, values[name]);
    return fd;
  };

  const preview = () => {
    setSaved(null);
    setConflict(null);
    setPending('preview');
    startTransition(async () => {
      try {
        const result = await previewSettingsChange(null, valuesForm());
        if (result.ok) {
          setWhatIf(result.data);
          setErrors(NO_ERRORS);
          setConfirmed(false);
          setTypedNumber('');
          // Move the keyboard to what changed on the screen.
          requestAnimationFrame(() => reviewHeadingRef.current?.focus());
        } else setErrors({ formError: result.formError, fieldErrors: result.fieldErrors });
      } finally {
        setPending(null);
      }
    });
  };

  const closeSecond = () => dialogRef.current?.close();

  const save = (withNumber: boolean) => {
    if (!whatIf) return;
    setSaved(null);
    const fd = valuesForm();
    for (const name of SETTING_NAMES) fd.set(expectedField(name), String(whatIf.currentSettings[name]));
    fd.set('reason', reason);
    if (confirmed) fd.set('confirmed', 'yes');
    if (withNumber) fd.set('confirmedActors', typedNumber);
    setPending('save');
    startTransition(async () => {
      try {
        const result = await saveSettingsChange(null, fd);
        if (result.ok) {
          closeSecond();
          const changes = result.data.changed
            .map((c) => t('change.savedChange', { name: c.name, from: valueText(unitOf[c.name], c.oldValue), to: valueText(unitOf[c.name], c.newValue) }))
            .join('; ');
          setSaved(t('change.saved', { changes }));
          setWhatIf(null);
          setReason('');
          setConfirmed(false);
          setTypedNumber('');
          setErrors(NO_ERRORS);
          setConflict(null);
          router.refresh();
          return;
        }
        setErrors({ formError: result.code ? null : result.formError, fieldErrors: result.fieldErrors });
        if (result.whatIf) setWhatIf(result.whatIf);
        if (result.code === 'changedMeanwhile') {
          closeSecond();
          setConflict(result.formError);
          setConfirmed(false);
          setTypedNumber('');
          // The cards and their history show the other change too.
          router.refresh();
          requestAnimationFrame(() => reviewHeadingRef.current?.focus());
        } else if (result.code === 'secondConfirmation' || result.code === 'numberMismatch') {
          if (!dialogRef.current?.open) dialogRef.current?.showModal();
          requestAnimationFrame(() => numberRef.current?.focus());
        } else closeSecond();
      } finally {
        setPending(null);
      }
    });
  };

  const onSave = () => {
    if (!whatIf) return;
    // Beyond the breaker the save needs the number: ask for it first (the server checks it too).
    if (whatIf.exceedsBreaker && reason.trim() !== '' && confirmed) {
      setErrors(NO_ERRORS);
      dialogRef.current?.showModal();
      requestAnimationFrame(() => numberRef.current?.focus());
      return;
    }
    save(false);
  };

  const fieldError = (name: string) => errors.fieldErrors[name]?.join(' ');
  const count = whatIf ? formatCount(locale, whatIf.newlyDue.actors) : '';

  return (
    <div className="space-y-5">
      {saved ? <SuccessNotice>{saved}</SuccessNotice> : null}

      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!reviewing) preview();
        }}
        aria-describedby={`${id}-values-hint`}
      >
        <p id={`${id}-values-hint`} className="sr-only">
          {t('change.description')}
        </p>
        <fieldset disabled={reviewing || busy} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
          {current.map((s) => {
            const inputId = `${id}-${s.name}`;
            const err = fieldError(s.name);
            const unitWord = s.unit === 'months' ? t('change.unitMonths') : t('change.unitDays');
            return (
              <div key={s.name} className="flex min-w-0 flex-col">
                <label htmlFor={inputId} className="block text-sm font-medium text-ink">
                  {o(`settings.${s.name}.label`)} <code className="block text-xs font-normal break-all text-muted">{s.name}</code>
                </label>
                <p id={`${inputId}-hint`} className="mt-0.5 text-xs text-muted">
                  {t('change.hint', { current: valueText(s.unit, s.value), unit: unitWord, max: SETTING_MAX[s.name] })}
                </p>
                <div className="mt-auto flex items-center gap-2 pt-1">
                  <input
                    id={inputId}
                    name={s.name}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={SETTING_MAX[s.name]}
                    step={1}
                    value={values[s.name]}
                    onChange={(e) => setValues((v) => ({ ...v, [s.name]: e.target.value }))}
                    aria-invalid={err ? true : undefined}
                    aria-describedby={`${inputId}-hint${err ? ` ${inputId}-error` : ''}`}
                    className="block w-full min-w-0 rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink tabular-nums shadow-sm focus-visible:border-brand focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand disabled:bg-canvas disabled:text-muted aria-[invalid=true]:border-danger"
                  />
                  <span className="shrink-0 text-sm text-muted">{unitWord}</span>
                </div>
                {err ? (
                  <p id={`${inputId}-error`} className="mt-1 text-sm text-danger">
                    {err}
                  </p>
                ) : null}
              </div>
            );
          })}
        </fieldset>
        {!reviewing ? (
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <button type="submit" disabled={busy} className={buttonClass('primary')}>
              {pending === 'preview' ? t('change.previewing') : t('change.preview')}
            </button>
            {errors.formError ? (
              <p role="alert" className="text-sm text-danger">
                {errors.formError}
              </p>
            ) : null}
          </div>
        ) : null}
      </form>

      <div role="status" aria-live="polite" className="text-sm">
        {pending ? (
          <p className="flex items-center gap-2 rounded-md border border-brand/30 bg-brand-soft px-3 py-2 text-brand" data-testid="what-if-pending">
            <span aria-hidden="true" className="size-4 shrink-0 animate-spin rounded-full border-2 border-brand border-t-transparent" />
            {pending === 'preview' ? t('change.computing') : t('change.saving')}
          </p>
        ) : null}
      </div>

      {whatIf ? (
        <section aria-labelledby={`${id}-review`} className="space-y-5 rounded-lg border border-brand/30 bg-brand-soft/40 p-4 sm:p-5" data-testid="what-if">
          {conflict ? (
            <p role="alert" className="rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-sm text-ink">
              {conflict}
            </p>
          ) : null}
          <WhatIfView whatIf={whatIf} units={unitOf} headingId={`${id}-review`} headingRef={reviewHeadingRef} />

          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              onSave();
            }}
            className="space-y-4"
          >
            <div>
              <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-ink">
                {t('change.reason')}
              </label>
              <p id={`${id}-reason-hint`} className="mt-0.5 text-xs text-muted">
                {t('change.reasonHint')}
              </p>
              <textarea
                id={`${id}-reason`}
                name="reason"
                rows={2}
                maxLength={500}
                value={reason}
                disabled={busy}
                onChange={(e) => setReason(e.target.value)}
                aria-invalid={fieldError('reason') ? true : undefined}
                aria-describedby={`${id}-reason-hint${fieldError('reason') ? ` ${id}-reason-error` : ''}`}
                className="mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink shadow-sm focus-visible:border-brand focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand aria-[invalid=true]:border-danger"
              />
              {fieldError('reason') ? (
                <p id={`${id}-reason-error`} className="mt-1 text-sm text-danger">
                  {fieldError('reason')}
                </p>
              ) : null}
            </div>
            <div>
              <div className="flex items-start gap-2">
                <input
                  id={`${id}-confirm`}
                  type="checkbox"
                  name="confirmed"
                  value="yes"
                  checked={confirmed}
                  disabled={busy}
                  onChange={(e) => setConfirmed(e.target.checked)}
                  aria-invalid={fieldError('confirmed') ? true : undefined}
                  aria-describedby={fieldError('confirmed') ? `${id}-confirm-error` : undefined}
                  className="mt-0.5 size-4 shrink-0 accent-brand"
                />
                <label htmlFor={`${id}-confirm`} className="text-sm text-ink">
                  {t('change.confirm')}
                </label>
              </div>
              {fieldError('confirmed') ? (
                <p id={`${id}-confirm-error`} className="mt-1 text-sm text-danger">
                  {fieldError('confirmed')}
                </p>
              ) : null}
            </div>
            {errors.formError ? (
              <p role="alert" className="text-sm text-danger">
                {errors.formError}
              </p>
            ) : null}
            <div className="flex flex-wrap gap-3">
              <button type="submit" disabled={busy} className={buttonClass(whatIf.exceedsBreaker ? 'danger' : 'primary')}>
                {pending === 'save' ? t('change.saving') : t('change.save')}
              </button>
              <button type="button" disabled={busy} onClick={backToEdit} className={buttonClass('secondary')}>
                {t('change.editValues')}
              </button>
              <button type="button" disabled={busy} onClick={cancel} className={buttonClass('secondary')}>
                {t('change.cancel')}
              </button>
            </div>
          </form>

          <dialog
            ref={dialogRef}
            aria-labelledby={`${id}-second-title`}
            aria-describedby={`${id}-second-body`}
            className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-line bg-surface p-6 text-ink shadow-xl backdrop:bg-ink/40"
          >
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                save(true);
              }}
            >
              <h2 id={`${id}-second-title`} className="text-lg font-semibold">
                {t('second.title', { count })}
              </h2>
              <p id={`${id}-second-body`} className="mt-2 text-sm text-muted">
                {t('second.body', { count })}
              </p>
              <div className="mt-4">
                <label htmlFor={`${id}-number`} className="block text-sm font-medium text-ink">
                  {t('second.label')}
                </label>
                <p id={`${id}-number-hint`} className="mt-0.5 text-xs text-muted">
                  {t('second.hint', { count })}
                </p>
                <input
                  ref={numberRef}
                  id={`${id}-number`}
                  name="confirmedActors"
                  inputMode="numeric"
                  autoComplete="off"
                  value={typedNumber}
                  disabled={busy}
                  onChange={(e) => setTypedNumber(e.target.value)}
                  aria-invalid={fieldError('confirmedActors') ? true : undefined}
                  aria-describedby={`${id}-number-hint${fieldError('confirmedActors') ? ` ${id}-number-error` : ''}`}
                  className="mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink tabular-nums shadow-sm focus-visible:border-brand focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand aria-[invalid=true]:border-danger"
                />
                {fieldError('confirmedActors') ? (
                  <p id={`${id}-number-error`} className="mt-1 text-sm text-danger">
                    {fieldError('confirmedActors')}
                  </p>
                ) : null}
              </div>
              <div className="mt-6 flex flex-wrap justify-end gap-3">
                <button type="button" disabled={busy} onClick={closeSecond} className={buttonClass('secondary')}>
                  {t('second.cancel')}
                </button>
                <button type="submit" disabled={busy} className={buttonClass('danger')}>
                  {pending === 'save' ? t('change.saving') : t('second.confirm', { count })}
                </button>
              </div>
            </form>
          </dialog>
        </section>
      ) : null}
    </div>
  );
}
