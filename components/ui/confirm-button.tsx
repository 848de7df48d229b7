'use client';

import { useId, useRef } from 'react';
import { useFormStatus } from 'react-dom';
import { buttonClass, type ButtonVariant } from './button-styles';

type ConfirmButtonProps = {
  /** The button that opens the confirmation (inside the form it confirms). */
  label: string;
  /** A longer name for assistive technology ("Disable ann@library.example"). */
  ariaLabel?: string;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  pendingLabel: string;
  variant?: ButtonVariant;
};

/**
 * A destructive form action behind a confirmation: the button opens a modal dialog that says
 * what will happen; only its confirm button submits the form. Cancel has the focus, so Enter or
 * Escape never confirms by accident.
 */
export function ConfirmButton({ label, ariaLabel, title, body, confirmLabel, cancelLabel, pendingLabel, variant = 'dangerOutline' }: ConfirmButtonProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const open = () => {
    dialogRef.current?.showModal();
    cancelRef.current?.focus();
  };
  const id = useId();
  const { pending } = useFormStatus();
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={ariaLabel}
        disabled={pending}
        onClick={open}
        className={buttonClass(variant, 'sm')}
      >
        {pending ? pendingLabel : label}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-line bg-surface p-6 text-ink shadow-xl backdrop:bg-ink/40"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <p id={`${id}-body`} className="mt-2 text-sm text-muted">
          {body}
        </p>
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <button ref={cancelRef} type="button" onClick={() => dialogRef.current?.close()} className={buttonClass('secondary')}>
            {cancelLabel}
          </button>
          <button type="submit" onClick={() => dialogRef.current?.close()} className={buttonClass('danger')}>
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
