import type { SelectHTMLAttributes } from 'react';
import { CONTROL_CLASS, FieldShell } from './field-shell';

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
  return (
    <FieldShell id={`field-${name}${idSuffix ? `-${idSuffix}` : ''}`} label={label} hint={hint} errors={errors} className={className}>
      {(control) => (
        <select {...control} name={name} className={CONTROL_CLASS} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
