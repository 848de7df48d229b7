import type { SelectHTMLAttributes } from 'react';

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'> & {
  name: string;
  label: string;
  /** Makes the id unique when the same field appears more than once on a page. */
  idSuffix?: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  errors?: string[];
};

/** A labelled select with its hint and error messages tied to it for assistive technology. */
export function SelectField({ name, label, idSuffix, options, hint, errors, className, ...select }: SelectFieldProps) {
  const id = `field-${name}${idSuffix ? `-${idSuffix}` : ''}`;
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
      <select
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink shadow-sm focus-visible:border-brand focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand aria-[invalid=true]:border-danger"
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm text-danger">
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
