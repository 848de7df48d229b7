import type { ReactNode } from 'react';

/** A short success message, announced politely when it appears. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-md border border-ok/30 bg-ok/5 px-3 py-2 text-sm text-ok">
      {children}
    </p>
  );
}
