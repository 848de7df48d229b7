import type { InputHTMLAttributes } from 'react';
import { CONTROL_CLASS, FieldShell } from './field-shell';

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
  return (
    <FieldShell id={`field-${name}`} label={label} hint={hint} errors={errors} className={className}>
      {(control) => <input {...control} name={name} className={CONTROL_CLASS} {...input} />}
    </FieldShell>
  );
}
