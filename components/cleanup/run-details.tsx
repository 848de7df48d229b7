'use client';

import { useLocale, useTranslations } from 'next-intl';
import { LocalDateTime } from '@/components/ui/local-date';
import { CategoryName, ConditionName } from '@/components/ui/terms';
import { formatCount } from '@/i18n/format';
import type { RunDto } from '@/lib/cleanup/job';
import { inCategoryOrder } from './run-words';

/** The records per category a run processed, in family order (none: an empty list). */
export function processedCategories(run: Pick<RunDto, 'records'>) {
  return inCategoryOrder(Object.entries(run.records).filter(([, c]) => c.deleted + c.anonymized > 0));
}

/** Whether a run has anything for its details line. */
export function hasRunDetails(run: RunDto): boolean {
  return (
    processedCategories(run).length > 0 ||
    Object.values(run.skipped).some((c) => c > 0) ||
    run.actorsLocked > 0 ||
    run.errorDetails.length > 0 ||
    run.batchesSplit > 0 ||
    !!run.stopReason
  );
}

/**
 * What a run did, in words: the records per category (human name first, the id small beside it;
 * for a dry run what it would do), the actors kept per condition, the actors another session
 * held, why it stopped and its failed batches (error codes only: a run record holds no actor id).
 */
export function RunDetails({ run, timeZone, hideStopReason = false }: { run: RunDto; timeZone: string; hideStopReason?: boolean }) {
  const t = useTranslations('cleanup');
  const locale = useLocale();
  const n = (v: number) => formatCount(locale, v);
  const categories = processedCategories(run);
  const skipped = Object.entries(run.skipped).filter(([, c]) => c > 0);
  const verb = run.dryRun ? 'wouldBe' : 'were';
  return (
    <div className="space-y-3 text-sm" data-testid="run-details">
      {run.stopReason && !hideStopReason ? (
        <p>
          <span className="text-muted">{t('stopReason')}</span> {run.stopReason}
        </p>
      ) : null}
      {categories.length > 0 ? (
        <div>
          <p className="font-medium">{t(`recordsTitle.${verb}`)}</p>
          <ul className="mt-1 grid gap-x-6 gap-y-1 sm:grid-cols-2">
            {categories.map(([category, c]) => (
              <li key={category} className="flex flex-wrap justify-between gap-x-3">
                <CategoryName id={category} />
                <span className="tabular-nums">
                  {[c.deleted > 0 ? t(`deleted.${verb}`, { count: n(c.deleted) }) : null, c.anonymized > 0 ? t(`anonymized.${verb}`, { count: n(c.anonymized) }) : null]
                    .filter(Boolean)
                    .join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {skipped.length > 0 ? (
        <div>
          <p className="font-medium">{t('skippedBy')}</p>
          <ul className="mt-1 grid gap-x-6 gap-y-1 sm:grid-cols-2">
            {skipped.map(([code, count]) => (
              <li key={code} className="flex flex-wrap justify-between gap-x-3">
                <ConditionName code={code} />
                <span className="tabular-nums">{t('actorsCount', { count, shown: n(count) })}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {run.actorsLocked > 0 ? <p>{t('lockedActors', { count: n(run.actorsLocked) })}</p> : null}
      {run.batchesSplit > 0 ? (
        <p className="text-warn" data-testid="run-batches-split">
          {t('batchesSplit', { count: run.batchesSplit })}
        </p>
      ) : null}
      {run.errorDetails.length > 0 ? (
        <div>
          <p className="font-medium text-danger">{t('failedBatches')}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-danger">
            {run.errorDetails.map((e, i) => (
              <li key={i}>
                <code className="font-mono text-xs">{e.code}</code> <LocalDateTime at={e.at} timeZone={timeZone} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
