'use client';

import { ErrorView } from '@/components/shell/error-view';

/** An error outside the dashboard shell (the sign-in pages). */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-2xl px-6 py-10">
      <ErrorView error={error} retry={retry} />
    </main>
  );
}
