import { useLocale, useTranslations } from 'next-intl';
import { formatCount } from '@/i18n/format';

/**
 * The requests about one customer as the cleanup sees them: actors on legal hold today (the runs
 * leave everything of theirs alone) and removal requests waiting (removed by the first run once
 * nothing else keeps them). Counted when the page was loaded.
 */
export function RequestCounts({ legalHolds, removalRequestsWaiting }: { legalHolds: number; removalRequestsWaiting: number }) {
  const t = useTranslations('cleanup.requests');
  const locale = useLocale();
  return (
    <section aria-labelledby="request-counts-heading" className="rounded-lg border border-line bg-surface p-5 shadow-sm" data-testid="request-counts">
      <h2 id="request-counts-heading" className="text-lg font-semibold text-ink">
        {t('title')}
      </h2>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2">
        <div className="rounded-md border border-line bg-canvas/60 p-4" data-testid="cleanup-legal-holds">
          <dt className="text-sm text-muted">{t('legalHolds')}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">{formatCount(locale, legalHolds)}</dd>
          <dd className="mt-1 text-xs text-muted">{t('legalHoldsHint')}</dd>
        </div>
        <div className="rounded-md border border-line bg-canvas/60 p-4" data-testid="cleanup-removal-requests">
          <dt className="text-sm text-muted">{t('removalRequests')}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">{formatCount(locale, removalRequestsWaiting)}</dd>
          <dd className="mt-1 text-xs text-muted">{t('removalRequestsHint')}</dd>
        </div>
      </dl>
    </section>
  );
}
