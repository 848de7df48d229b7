'use client';

import { useLocale, useTranslations } from 'next-intl';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { LocalDate } from '@/components/ui/local-date';
import { ConditionName } from '@/components/ui/terms';
import { formatIsoDate } from '@/i18n/format';
import type { TimelineBar, TimelineLayout } from '@/lib/timeline/layout';
import type { ExplainedReason } from '@/lib/timeline/reasons';
import type { TimelineRecord } from '@/lib/timeline/records';
import { CategoryCell } from './category-report-table';
import { useReasonText } from './reasons-panel';

type RecordRow = { bar: TimelineBar; record: TimelineRecord };

/**
 * The timeline as tables (the same layout the chart draws: one row per bar, lane by lane, then the
 * reasons), for screen readers and for copying; on a phone one card per record and per reason.
 * Closed by default to keep the page short.
 */
export function TimelineTable({ layout, records, reasons, withDetails }: { layout: TimelineLayout; records: TimelineRecord[]; reasons: ExplainedReason[]; withDetails: boolean }) {
  const t = useTranslations('actors.table');
  const th = useTranslations('actors.happens');
  const tw = useTranslations('actors.why');
  const tkept = useTranslations('actors.kept');
  const tk = useTranslations('actors.financialKinds');
  const tchart = useTranslations('actors.chart');
  const treasons = useTranslations('actors.reasons');
  const text = useReasonText();
  const locale = useLocale();
  const money = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' });
  const asOf = formatIsoDate(locale, layout.asOf.date);
  const kindOf = (r: TimelineRecord) => {
    if (!r.kind) return '';
    if (r.category !== 'financial_transactions') return r.kind;
    return r.kind === 'membership_fee' || r.kind === 'fine' || r.kind === 'payment' ? tk(r.kind) : tk('other', { kind: r.kind });
  };
  const rows: RecordRow[] = layout.lanes.flatMap((lane) => lane.bars).map((bar) => ({ bar, record: records[bar.index]! }));
  // Admin's extra columns, only where some record has a value for them.
  const showItem = withDetails && records.some((r) => r.itemId !== undefined);
  const showAmount = withDetails && records.some((r) => r.amountCents !== undefined);
  const { membership } = layout;

  const recordColumns: DataColumn<RecordRow>[] = [
    { id: 'category', header: t('category'), isRowHeader: true, cell: ({ bar }) => <CategoryCell id={bar.category} /> },
    { id: 'kind', header: t('kind'), cell: ({ record }) => kindOf(record), card: ({ record }) => kindOf(record) !== '' },
    {
      id: 'recordDate',
      header: t('recordDate'),
      className: 'whitespace-nowrap',
      cell: ({ bar }) => (bar.startKnown ? <LocalDate date={bar.start} /> : <span className="text-muted">{t('notRecorded')}</span>),
    },
    {
      id: 'goDate',
      header: t('goDate'),
      className: 'whitespace-nowrap',
      cell: ({ bar }) => (bar.end ? <LocalDate date={bar.end} /> : <span className="text-muted">{t('neverGoes')}</span>),
    },
    { id: 'happens', header: t('happens'), cell: ({ bar }) => th(bar.action) },
    {
      id: 'why',
      header: t('why'),
      cell: ({ bar, record }) => (
        <>
          {bar.status === 'due' ? `${tw('due')}; ` : ''}
          {tw(bar.goesBy)}
          {record.kept ? <span className="text-muted"> ({tkept(record.kept)})</span> : null}
        </>
      ),
    },
  ];
  if (showItem) recordColumns.push({ id: 'item', header: t('item'), className: 'font-mono text-xs', cell: ({ record }) => record.itemId ?? '' });
  if (showAmount)
    recordColumns.push({
      id: 'amount',
      header: t('amount'),
      align: 'end',
      cell: ({ record }) => (record.amountCents !== undefined ? money.format(record.amountCents / 100) : ''),
    });

  const reasonColumns: DataColumn<ExplainedReason>[] = [
    { id: 'reason', header: t('code'), isRowHeader: true, cell: (r) => <ConditionName code={r.code} /> },
    { id: 'meaning', header: t('meaning'), cell: (r) => text.meaning(r.code) },
    { id: 'until', header: t('until'), className: 'whitespace-nowrap', cell: (r) => (r.until ? <LocalDate date={r.until} /> : treasons('untilActs')) },
  ];

  return (
    <details className="group rounded-lg border border-line bg-surface shadow-sm" data-testid="table-view">
      <summary className="cursor-pointer list-none rounded-lg px-5 py-4 text-lg font-semibold text-ink hover:bg-canvas">
        <span aria-hidden="true" className="mr-2 inline-block text-muted transition-transform group-open:rotate-90">
          ▸
        </span>
        <span>{t('title')}</span>
        <span className="mt-0.5 block pl-6 text-sm font-normal text-muted">{t('summary')}</span>
      </summary>
      <div className="space-y-6 border-t border-line px-4 py-4 sm:px-5">
        <p className="text-sm">
          <span className="font-medium">{t('membershipRow')}: </span>
          {membership ? (
            <>
              <LocalDate date={membership.start} /> → {membership.end ? <LocalDate date={membership.end} /> : tchart('memberOpen')}
            </>
          ) : (
            tchart('membershipNone')
          )}
        </p>
        <DataTable
          id="timeline-records"
          testId="records-table"
          columns={recordColumns}
          rows={rows}
          rowId={({ bar }) => String(bar.index)}
          caption={t('recordsCaption', { asOf })}
          captionVisible
          empty={t('noRecords')}
          cardTitleAs="p"
          rowProps={({ bar }, variant) => ({
            'data-testid': variant === 'row' ? 'record-row' : 'record-card',
            'data-category': bar.category,
            'data-start': bar.startKnown ? bar.start : '',
            'data-end': bar.end ?? '',
          })}
        />
        {reasons.length > 0 ? (
          <DataTable
            id="timeline-reasons"
            testId="reasons-table"
            columns={reasonColumns}
            rows={reasons}
            rowId={(r) => r.code}
            caption={t('reasonsCaption', { asOf })}
            captionVisible
            empty={null}
            cardTitleAs="p"
            rowProps={(r) => ({ 'data-code': r.code, 'data-until': r.until ?? '' })}
          />
        ) : null}
      </div>
    </details>
  );
}
