'use client';

import { useFormStatus } from 'react-dom';

/** The submit button of a form; shows that the form is being sent and cannot be sent twice meanwhile. */
export function SubmitButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="w-full rounded-md bg-brand px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-strong disabled:cursor-wait disabled:opacity-70"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
