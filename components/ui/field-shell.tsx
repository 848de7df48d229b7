import type { ReactNode } from 'react';

/** The look of every form control (input, select). */
export const CONTROL_CLASS =
  'mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink shadow-sm focus-visible:border-brand focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand aria-[invalid=true]:border-danger';

type FieldShellProps = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  className?: string;
  /** Renders the control with the attributes that tie it to its hint and errors. */
  children: (control: { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }) => ReactNode;
};

/**
 * A labelled form control with its hint under the label and its error messages under the control,
 * both tied to it (aria-describedby, aria-invalid) so assistive technology announces them.
 */
export function FieldShell({ id, label, hint, errors, className, children }: FieldShellProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': errorId ? true : undefined, 'aria-describedby': describedBy })}
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm text-danger">
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
