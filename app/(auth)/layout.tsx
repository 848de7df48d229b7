import type { ReactNode } from 'react';

/** Sign-in, password and "not allowed" pages: one narrow card, no dashboard navigation. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <div className="mx-auto mt-8 max-w-md rounded-lg border border-line bg-surface p-6 shadow-sm">{children}</div>;
}
