'use client';

import { useLocale, useTranslations } from 'next-intl';
import { LocalDate, LocalDateTime } from '@/components/ui/local-date';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatCount } from '@/i18n/format';
import type { RunDto } from '@/lib/cleanup/job';

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/**
 * Recent runs, newest first: when, for which day, who started it, how it ended, the counts; each
 * row opens to the records per category, the actors skipped per condition code and the failed
 * batches (their error codes only: run records hold no actor id).
 */
export function RunHistory({ runs, timeZone }: { runs: RunDto[]; timeZone: string }) {
  const t = useTranslations('cleanup');
  const locale = useLocale();
  const n = (v: number) => formatCount(locale, v);
  if (runs.length === 0) return <p className="mt-3 text-sm text-muted">{t('noRuns')}</p>;
  return (
    <ScrollRegion labelledBy="run-history-caption" className="mt-3">
      <table className="w-full min-w-[52rem] text-left text-sm" data-testid="run-history">
        <caption id="run-history-caption" className="sr-only">
          {t('runsCaption')}
        </caption>
        <thead>
          <tr className="border-b border-line text-xs uppercase tracking-wide text-muted">
            <th scope="col" className="py-1.5 pr-3 font-medium">{t('started')}</th>
            <th scope="col" className="py-1.5 pr-3 font-medium">{t('asOf')}</th>
            <th scope="col" className="py-1.5 pr-3 font-medium">{t('trigger')}</th>
            <th scope="col" className="py-1.5 pr-3 font-medium">{t('status')}</th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">{t('actorsRemoved')}</th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">{t('records')}</th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">{t('errors')}</th>
            <th scope="col" className="py-1.5 font-medium">{t('details')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const categories = Object.entries(run.records).filter(([, c]) => c.deleted + c.anonymized > 0);
            const skipped = Object.entries(run.skipped).filter(([, c]) => c > 0);
            const failed = run.status === 'failed' || run.errors > 0 || run.status === 'tripped';
            return (
              <tr key={run.runId} className={`border-b border-line/60 align-top ${run.dryRun ? 'bg-canvas/60' : ''}`}>
                <td className="py-1.5 pr-3 whitespace-nowrap">
                  <LocalDateTime at={run.startedAt} timeZone={timeZone} />
                  <span className="block text-xs text-muted">{duration(run.durationMs)}</span>
                </td>
                <td className="py-1.5 pr-3 whitespace-nowrap">
                  <LocalDate date={run.asOf} />
                </td>
                <td className="py-1.5 pr-3">{run.trigger}</td>
                <td className="py-1.5 pr-3">
                  {run.dryRun ? <span className="mr-1 rounded bg-brand-soft px-1.5 py-0.5 text-xs font-medium text-brand">{t('dryRun')}</span> : null}
                  <span className={failed ? 'font-medium text-danger' : ''}>{t.has(`runStatus.${run.status as 'completed'}`) ? t(`runStatus.${run.status as 'completed'}`) : run.status}</span>
                  {run.stopReason ? <span className="block max-w-xs text-xs text-muted">{run.stopReason}</span> : null}
                </td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{n(run.actorsRemoved)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{n(run.recordsProcessed)}</td>
                <td className={`py-1.5 pr-3 text-right tabular-nums ${run.errors > 0 ? 'font-medium text-danger' : ''}`}>{n(run.errors)}</td>
                <td className="py-1.5">
                  {categories.length + skipped.length + run.errorDetails.length > 0 ? (
                    <details>
                      <summary className="cursor-pointer text-brand underline-offset-2 hover:underline">{t('showDetails')}</summary>
                      <div className="mt-2 space-y-2 text-xs">
                        {categories.length > 0 ? (
                          <dl className="grid grid-cols-[auto_auto] gap-x-3 gap-y-0.5">
                            {categories.map(([category, c]) => (
                              <div key={category} className="contents">
                                <dt className="font-mono">{category}</dt>
                                <dd className="tabular-nums">
                                  {c.deleted > 0 ? t('deletedCount', { count: n(c.deleted) }) : ''}
                                  {c.deleted > 0 && c.anonymized > 0 ? ', ' : ''}
                                  {c.anonymized > 0 ? t('anonymizedCount', { count: n(c.anonymized) }) : ''}
                                </dd>
                              </div>
                            ))}
                          </dl>
                        ) : null}
                        {skipped.length > 0 ? (
                          <p>
                            {t('skippedBy')}{' '}
                            {skipped.map(([code, count]) => (
                              <span key={code} className="mr-2 whitespace-nowrap">
                                <span className="font-mono">{code}</span> {n(count)}
                              </span>
                            ))}
                          </p>
                        ) : null}
                        {run.actorsLocked > 0 ? <p>{t('lockedActors', { count: n(run.actorsLocked) })}</p> : null}
                        {run.errorDetails.length > 0 ? (
                          <ul className="list-disc pl-4 text-danger">
                            {run.errorDetails.map((e, i) => (
                              <li key={i}>
                                <span className="font-mono">{e.code}</span> <LocalDateTime at={e.at} timeZone={timeZone} />
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </div>
                    </details>
                  ) : (
                    <span className="text-muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
