import type { ReactNode } from 'react';

/** A screen's title (its one h1) and a short line about what it shows. */
export function PageHeader({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {intro ? <p className="mt-1 max-w-3xl text-sm text-muted">{intro}</p> : null}
      </div>
      {children}
    </div>
  );
}
