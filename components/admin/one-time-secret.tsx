'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { buttonClass } from '@/components/ui/button-styles';

/**
 * A secret shown once (a one-time password, a new API token): the value to copy, a copy button,
 * what to do with it, and a button to hide it. It lives only in this page's memory: reloading or
 * leaving the page loses it for good.
 */
export function OneTimeSecret({ title, hint, value, onDismiss }: { title: string; hint: string; value: string; onDismiss: () => void }) {
  const t = useTranslations('admin');
  const id = useId();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-warn/40 bg-warn/5 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`${id}-title`} className="text-sm font-semibold text-ink">
          {title}
        </h3>
        <span className="rounded-full bg-surface px-2 py-0.5 text-xs font-medium text-warn ring-1 ring-warn/40 ring-inset">{t('shownOnce')}</span>
      </div>
      <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
        {hint}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code
          aria-describedby={`${id}-hint`}
          data-testid="one-time-secret"
          className="min-w-0 rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm break-all text-ink select-all"
        >
          {value}
        </code>
        <button type="button" onClick={copy} className={buttonClass('secondary', 'sm')}>
          {copyState === 'copied' ? t('copied') : t('copy')}
        </button>
        <button type="button" onClick={onDismiss} className={buttonClass('secondary', 'sm')}>
          {t('dismiss')}
        </button>
      </div>
      <p role="status" className="mt-2 min-h-0 text-xs text-muted">
        {copyState === 'failed' ? t('copyFailed') : ''}
      </p>
    </section>
  );
}
