'use client';

import { useLocale, useTranslations } from 'next-intl';
import { LocalDate, LocalDateTime } from '@/components/ui/local-date';
import { DataTable } from '@/components/ui/data-table';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { CategoryName } from '@/components/ui/terms';
import { formatCount } from '@/i18n/format';
import type { BacklogHistory } from '@/lib/cleanup/backlog-history';
import type { JobStatus } from '@/lib/cleanup/job';
import { BurnDownChart } from './burn-down-chart';
import { inCategoryOrder } from './run-words';

/**
 * What is due today, as counted at the end of the last run (never a scan of the library): per
 * category by its human name in family order, with the estimated end at the current pace (or
 * "Nothing is due", without an end, when nothing is), and the burn-down of recent days: a chart and the same
 * numbers as a table.
 */
export function BacklogPanel({ status, history, timeZone }: { status: JobStatus; history: BacklogHistory | undefined; timeZone: string }) {
  const t = useTranslations('cleanup');
  const locale = useLocale();
  const n = (v: number) => formatCount(locale, v);
  const backlog = status.backlog;
  const nothingDue = backlog !== null && backlog.actors === 0 && backlog.recordsTotal === 0;
  // Human names first, in the order of the families (loans, money, account, contact, services).
  const categories = backlog ? inCategoryOrder(Object.entries(backlog.records).filter(([, count]) => count > 0)) : [];
  const days = history?.days ?? [];
  return (
    <section aria-labelledby="backlog-heading" className="rounded-lg border border-line bg-surface p-5 shadow-sm">
      <h2 id="backlog-heading" className="text-lg font-semibold text-ink">
        {t('backlogTitle')}
      </h2>
      {backlog ? (
        <>
          <p className="mt-1 text-sm text-muted">
            {t.rich('backlogCounted', {
              asOf: () => <LocalDate date={backlog.asOf} />,
              at: () => <LocalDateTime at={backlog.countedAt} timeZone={timeZone} />,
            })}{' '}
            {!nothingDue && status.backlogClearedAt ? t.rich('eta', { at: () => <LocalDateTime at={status.backlogClearedAt!} timeZone={timeZone} /> }) : null}
          </p>
          <p className="mt-3 text-sm" data-testid="backlog-totals">
            {nothingDue ? t('nothingDue') : t('backlogTotals', { actors: n(backlog.actors), records: n(backlog.recordsTotal) })}
          </p>
          {categories.length > 0 ? (
            <div className="mt-3 max-w-xl">
              <DataTable
                id="backlog-categories"
                testId="backlog-categories"
                columns={[
                  { id: 'category', header: t('category'), isRowHeader: true, cell: ([id]) => <CategoryName id={id} /> },
                  { id: 'records', header: t('records'), align: 'end', cell: ([, count]) => n(count) },
                ]}
                rows={categories}
                rowId={([id]) => id}
                caption={t('backlogCaption')}
                empty={t('nothingDue')}
                cardTitleAs="p"
              />
            </div>
          ) : null}
        </>
      ) : (
        <p className="mt-2 text-sm text-muted">{t('backlogNone')}</p>
      )}

      <h3 className="mt-6 text-base font-semibold text-ink">{t('burnDown.title', { days: days.length })}</h3>
      <p className="mt-1 text-sm text-muted">{t('burnDown.intro')}</p>
      {days.length > 0 ? (
        <>
          <div className="mt-3">
            <BurnDownChart days={days} />
          </div>
          <details className="mt-2">
            <summary className="cursor-pointer text-sm text-brand underline-offset-2 hover:underline">{t('burnDown.tableToggle')}</summary>
            <ScrollRegion labelledBy="burn-down-caption" className="mt-2 max-h-80 overflow-y-auto">
              <table className="w-full max-w-2xl text-left text-sm" data-testid="burn-down-table">
                <caption id="burn-down-caption" className="sr-only">
                  {t('burnDown.caption')}
                </caption>
                <thead>
                  <tr className="border-b border-line text-xs uppercase tracking-wide text-muted">
                    <th scope="col" className="py-1.5 pr-3 font-medium">{t('burnDown.day')}</th>
                    <th scope="col" className="py-1.5 pr-3 text-right font-medium">{t('burnDown.processed')}</th>
                    <th scope="col" className="py-1.5 pr-3 text-right font-medium">{t('burnDown.actorsRemoved')}</th>
                    <th scope="col" className="py-1.5 pr-3 text-right font-medium">{t('burnDown.remaining')}</th>
                    <th scope="col" className="py-1.5 text-right font-medium">{t('burnDown.actorsDue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...days].reverse().map((d) => (
                    <tr key={d.date} className="border-b border-line/60">
                      <th scope="row" className="py-1 pr-3 font-normal whitespace-nowrap">
                        <LocalDate date={d.date} />
                      </th>
                      <td className="py-1 pr-3 text-right tabular-nums">{n(d.processed.records)}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{n(d.processed.actors)}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{d.backlog ? n(d.backlog.recordsTotal) : <span title={t('burnDown.notCounted')}>—</span>}</td>
                      <td className="py-1 text-right tabular-nums">{d.backlog ? n(d.backlog.actors) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </details>
        </>
      ) : null}
    </section>
  );
}
