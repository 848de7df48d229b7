'use client';

import { useLocale, useTranslations } from 'next-intl';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { LocalDate } from '@/components/ui/local-date';
import { CategoryName } from '@/components/ui/terms';
import { formatCount, formatIsoDate } from '@/i18n/format';
import { CATEGORY_IDS, type CategoryId } from '@/lib/retention/categories';
import type { FoundActorReport } from '@/lib/retention/types';
import { CATEGORY_FAMILY, FAMILY_SWATCH } from './timeline-style';

type Row = { id: CategoryId } & FoundActorReport['categories'][CategoryId];

/** A category in words with its id small beside it and its family's colour; KSM with the sentence that explains it. */
export function CategoryCell({ id }: { id: CategoryId }) {
  return (
    <span className="flex items-start gap-2">
      <span aria-hidden="true" className={`mt-1.5 inline-block size-2.5 shrink-0 rounded-sm ${FAMILY_SWATCH[CATEGORY_FAMILY[id]]}`} />
      <CategoryName id={id} about={id === 'ksm'} className="min-w-0" />
    </span>
  );
}

/**
 * The report's `categories`, unchanged: per category held, due, next and last day, action
 * (categories that hold records). A table from `sm` up, one card per category on a phone.
 */
export function CategoryReportTable({ report }: { report: FoundActorReport }) {
  const t = useTranslations('actors.categoriesTable');
  const th = useTranslations('actors.happens');
  const locale = useLocale();
  const rows: Row[] = CATEGORY_IDS.filter((id) => report.categories[id].records > 0).map((id) => ({ id, ...report.categories[id] }));
  const day = (d: string | null) => (d ? <LocalDate date={d} /> : <span className="text-muted">{t('empty')}</span>);
  const columns: DataColumn<Row>[] = [
    { id: 'category', header: t('category'), isRowHeader: true, cell: (r) => <CategoryCell id={r.id} /> },
    { id: 'records', header: t('records'), align: 'end', cell: (r) => formatCount(locale, r.records), value: (r) => r.records, sortable: true },
    { id: 'due', header: t('due'), align: 'end', cell: (r) => formatCount(locale, r.due), value: (r) => r.due, sortable: true },
    { id: 'next', header: t('nextDate'), className: 'whitespace-nowrap', cell: (r) => day(r.nextDate), value: (r) => r.nextDate, sortable: true },
    {
      id: 'last',
      header: t('lastDate'),
      className: 'whitespace-nowrap',
      cell: (r) => <span data-last={r.lastDate ?? ''}>{day(r.lastDate)}</span>,
      value: (r) => r.lastDate,
      sortable: true,
    },
    { id: 'action', header: t('action'), cell: (r) => th(r.action) },
  ];
  return (
    <DataTable
      id="category-report"
      testId="category-report"
      columns={columns}
      rows={rows}
      rowId={(r) => r.id}
      caption={t('caption', { asOf: formatIsoDate(locale, report.asOf) })}
      empty={t('none')}
      rowProps={(r) => ({ 'data-category': r.id })}
      cardTitleAs="h3"
    />
  );
}
