'use client';

import { useLocale, useTranslations } from 'next-intl';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { LocalDate } from '@/components/ui/local-date';
import { CategoryName, Code } from '@/components/ui/terms';
import { formatCount, formatIsoDate } from '@/i18n/format';
import { ACTORS_CATEGORY, type DayRow, type DayTable } from '@/lib/reports/deleted-per-day';

/**
 * The numbers of the charts as a table (for screen readers, for copying, and what the CSV of the
 * screen holds): one row per day of the range with zeros where nothing happened, a column per
 * category and kind with a count in the range (the category in words, its id small beside it), the
 * actors removed, and a totals row. On a phone each day is a card with only its non-zero counts.
 * Each column header carries the CSV column it matches (data-column), each row its ISO day
 * (data-date).
 */
export function DayTableView({ table }: { table: DayTable }) {
  const t = useTranslations('reports');
  const locale = useLocale();
  const count = (n: number) => (n === 0 ? <span className="text-muted">0</span> : formatCount(locale, n));
  const kind = (text: string) => <span className="block text-xs font-normal text-muted">({text})</span>;
  const columns: DataColumn<DayRow>[] = [
    {
      id: 'date',
      header: t('table.date'),
      isRowHeader: true,
      cell: (d) => <LocalDate date={d.date} />,
      value: (d) => d.date,
      footer: t('table.total'),
      headerProps: { 'data-column': 'date' },
      className: 'whitespace-nowrap',
    },
    ...table.series.map(
      (s): DataColumn<DayRow> => ({
        id: s.key,
        header: (
          <span className="inline-block min-w-24">
            <CategoryName id={s.category} className="block text-xs text-ink" />
            {kind(t(`kinds.${s.kind}`))}
          </span>
        ),
        cardHeader: (
          <>
            <CategoryName id={s.category} hideCode /> <span className="text-xs">({t(`kinds.${s.kind}`)})</span>
          </>
        ),
        align: 'end',
        cell: (d) => count(d.values[s.key] ?? 0),
        value: (d) => d.values[s.key] ?? 0,
        card: (d) => (d.values[s.key] ?? 0) > 0,
        footer: formatCount(locale, table.totals.values[s.key] ?? 0),
        headerProps: { 'data-column': s.key },
      }),
    ),
    {
      id: 'actors',
      header: (
        <span className="inline-block min-w-20">
          <span className="block text-xs text-ink">
            {t('actorsLabel')} <Code>{ACTORS_CATEGORY}</Code>
          </span>
          {kind(t('kinds.removed'))}
        </span>
      ),
      cardHeader: t('actorsLabel'),
      align: 'end',
      cell: (d) => count(d.actors),
      value: (d) => d.actors,
      footer: formatCount(locale, table.totals.actors),
      headerProps: { 'data-column': `${ACTORS_CATEGORY}.removed` },
    },
  ];
  return (
    <DataTable
      id="day-table"
      testId="day-table"
      caption={t('table.caption', { from: formatIsoDate(locale, table.from), to: formatIsoDate(locale, table.to) })}
      columns={columns}
      rows={table.days}
      rowId={(d) => d.date}
      rowProps={(d) => ({ 'data-date': d.date })}
      footerProps={(variant) => (variant === 'row' ? { 'data-testid': 'day-table-totals' } : {})}
      empty={t('chart.noneInRange')}
      scroll
      stickyHeader
      tableClassName="tabular-nums"
      regionClassName="max-h-[40rem] rounded-md border border-line/60"
      cardTitleAs="h3"
    />
  );
}
