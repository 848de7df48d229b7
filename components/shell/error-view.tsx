'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { describeError } from '@/lib/errors';

/** Digest of a server error: the id that matches the server's log line. Never the message itself. */
function errorId(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'digest' in error) {
    const digest = (error as { digest?: unknown }).digest;
    return typeof digest === 'string' ? digest : undefined;
  }
  return undefined;
}

/** What an error boundary shows: nothing was changed, the error id to report, and a retry. */
export function ErrorView({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errors');
  const id = errorId(error);
  useEffect(() => {
    // The id and the kind of error only, as on the server: its message can carry values no log may keep.
    console.error(`page failed (error id ${id ?? 'none'}): ${describeError(error)}`);
  }, [error, id]);

  return (
    <div role="alert" className="rounded-lg border border-danger/30 bg-surface p-6 shadow-sm">
      <h1 className="text-xl font-semibold text-danger">{t('title')}</h1>
      <p className="mt-2 text-sm text-muted">{t('body')}</p>
      {id ? (
        <p className="mt-2 text-sm">
          {t('errorId')} <code className="rounded bg-canvas px-1.5 py-0.5">{id}</code>
        </p>
      ) : null}
      <button
        type="button"
        onClick={() => retry()}
        className="mt-4 rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-strong"
      >
        {t('retry')}
      </button>
    </div>
  );
}
