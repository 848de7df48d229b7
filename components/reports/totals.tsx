'use client';

import { useLocale, useTranslations } from 'next-intl';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { CategoryName } from '@/components/ui/terms';
import { formatCount } from '@/i18n/format';
import { seriesKey, type DayTable } from '@/lib/reports/deleted-per-day';
import { FAMILY_IDS, familyOfCategory, type FamilyId } from '@/lib/retention/families';
import { categoryFamilyColor } from './category-colors';

type CategoryTotal = { category: string; family: FamilyId | null; deleted: number; anonymized: number };

/** Families in stack order, unknown categories last; within a family the table's (RETENTION.md) order. */
const familyRank = (family: FamilyId | null) => (family ? FAMILY_IDS.indexOf(family) : FAMILY_IDS.length);

/**
 * The totals of the range: overall (records deleted, records anonymized, actors removed) and per
 * category, grouped by family with the family's colour as in the chart, the category in words with
 * its id small beside it. On a phone each category is a card.
 */
export function ReportTotals({ table }: { table: DayTable }) {
  const t = useTranslations('reports');
  const tFamily = useTranslations('families');
  const locale = useLocale();
  const rows: CategoryTotal[] = [...new Set(table.series.map((s) => s.category))]
    .map((category) => ({
      category,
      family: familyOfCategory(category),
      deleted: table.totals.values[seriesKey(category, 'deleted')] ?? 0,
      anonymized: table.totals.values[seriesKey(category, 'anonymized')] ?? 0,
    }))
    .map((row, i) => ({ row, i }))
    .sort((a, b) => familyRank(a.row.family) - familyRank(b.row.family) || a.i - b.i)
    .map(({ row }) => row);
  const tiles = [
    { id: 'deleted', label: t('totals.deleted'), hint: t('totals.deletedHint'), value: table.totals.deleted },
    { id: 'anonymized', label: t('totals.anonymized'), hint: t('totals.anonymizedHint'), value: table.totals.anonymized },
    { id: 'actors', label: t('totals.actors'), hint: t('totals.actorsHint'), value: table.totals.actors },
  ];
  const amount = (kind: 'deleted' | 'anonymized', n: number) => (
    <span data-kind={kind} className={n === 0 ? 'text-muted' : undefined}>
      {formatCount(locale, n)}
    </span>
  );
  const columns: DataColumn<CategoryTotal>[] = [
    {
      id: 'category',
      header: t('totals.category'),
      isRowHeader: true,
      cell: (r) => (
        <span className="flex items-start gap-2">
          <span aria-hidden="true" className="mt-1 inline-block size-3 shrink-0 rounded-sm" style={{ background: categoryFamilyColor(r.category) }} />
          <CategoryName id={r.category} />
        </span>
      ),
      value: (r) => r.category,
      footer: t('totals.all'),
    },
    { id: 'family', header: t('totals.family'), cell: (r) => (r.family ? tFamily(r.family) : '—'), value: (r) => familyRank(r.family), sortable: true },
    { id: 'deleted', header: t('totals.deletedColumn'), align: 'end', cell: (r) => amount('deleted', r.deleted), value: (r) => r.deleted, sortable: true, footer: amount('deleted', table.totals.deleted) },
    {
      id: 'anonymized',
      header: t('totals.anonymizedColumn'),
      align: 'end',
      cell: (r) => amount('anonymized', r.anonymized),
      value: (r) => r.anonymized,
      sortable: true,
      footer: amount('anonymized', table.totals.anonymized),
    },
  ];
  return (
    <div className="space-y-5">
      <dl className="grid gap-3 sm:grid-cols-3">
        {tiles.map((tile) => (
          <div key={tile.id} className="rounded-md border border-line bg-canvas px-4 py-3">
            <dt className="text-sm text-muted">{tile.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums text-ink" data-testid={`total-${tile.id}`}>
              {formatCount(locale, tile.value)}
            </dd>
            <dd className="text-xs text-muted">{tile.hint}</dd>
          </div>
        ))}
      </dl>
      <div className="max-w-3xl">
        <DataTable
          id="totals-table"
          testId="totals-table"
          caption={t('totals.caption')}
          columns={columns}
          rows={rows}
          rowId={(r) => r.category}
          rowProps={(r) => ({ 'data-category': r.category })}
          footerProps={() => ({ 'data-category': 'all' })}
          empty={t('totals.nothing')}
          tableClassName="tabular-nums"
          cardTitleAs="h3"
        />
      </div>
    </div>
  );
}
