'use client';

import type { ButtonHTMLAttributes } from 'react';
import { useFormStatus } from 'react-dom';
import { buttonClass, type ButtonVariant } from './button-styles';

type PendingButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> & {
  label: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
};

/** A submit button that says it is working while its form is sent, and cannot be pressed twice meanwhile. */
export function PendingButton({ label, pendingLabel, variant = 'primary', size = 'md', className = '', disabled, ...rest }: PendingButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" {...rest} disabled={pending || disabled} className={`${buttonClass(variant, size)} ${className}`}>
      {pending ? pendingLabel : label}
    </button>
  );
}
