import type { InputHTMLAttributes } from 'react';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> & {
  name: string;
  label: string;
  /** A hint under the label (requirements), announced with the field. */
  hint?: string;
  /** Messages about the value; the field is marked invalid and announces them. */
  errors?: string[];
};

/** A labelled input with its hint and error messages tied to it for assistive technology. */
export function TextField({ name, label, hint, errors, className, ...input }: TextFieldProps) {
  const id = `field-${name}`;
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
      <input
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink shadow-sm focus-visible:border-brand focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand aria-[invalid=true]:border-danger"
        {...input}
      />
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm text-danger">
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
