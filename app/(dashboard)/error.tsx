'use client';

import { ErrorView } from '@/components/shell/error-view';

/** An error in a screen: shown inside the shell, so the navigation stays usable. */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} />;
}
