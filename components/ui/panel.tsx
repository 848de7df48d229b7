import type { ReactNode } from 'react';

type PanelProps = {
  /** Id of the heading, referenced by the section's aria-labelledby. */
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
};

/** A titled section of a screen: a white card with an h2 that names it for assistive technology. */
export function Panel({ id, title, description, children }: PanelProps) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-line bg-surface p-5 shadow-sm">
      <h2 id={id} className="text-lg font-semibold text-ink">
        {title}
      </h2>
      {description ? <div className="mt-1 text-sm text-muted">{description}</div> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}
