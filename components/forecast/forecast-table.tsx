'use client';

import { useLocale, useTranslations } from 'next-intl';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { FAMILY_SWATCH } from '@/components/ui/family-colors';
import { formatCount, formatMonth } from '@/i18n/format';
import type { AppLocale } from '@/i18n/locales';
import type { ForecastView, ForecastViewCounts } from '@/lib/forecast/view';
import { FAMILY_IDS, type FamilyId } from '@/lib/retention/families';

/** A row of the table: what is due now, or one month of the horizon. */
type Row = ForecastViewCounts & { month: 'now' | string };

/**
 * The forecast's numbers as a table (for screen readers, for copying, and for anyone who cannot
 * tell the colours apart): what is due now, one row per month of the horizon, and the horizon's
 * totals; a column per family, all records, and the actors removed. On a phone each month is a
 * card (DataTable), so no column hides behind a sideways scroll. Rows carry their month
 * (data-month, `now` for what is due now, `total` for the totals) and columns their family
 * (data-column), for the tests that compare it with GET forecast.
 */
export function ForecastTable({ view, familyLabels }: { view: ForecastView; familyLabels: Record<string, string> }) {
  const t = useTranslations('forecast');
  const locale = useLocale() as AppLocale;
  const count = (n: number) => (n === 0 ? <span className="text-muted">0</span> : formatCount(locale, n));
  const familyColumn = (f: FamilyId): DataColumn<Row> => ({
    id: f,
    header: (
      <span className="inline-flex items-center gap-1.5">
        <span aria-hidden="true" className={`inline-block size-2.5 shrink-0 rounded-sm ${FAMILY_SWATCH[f]}`} />
        {familyLabels[f] ?? f}
      </span>
    ),
    cell: (r) => count(r.records[f]),
    // A card lists the families with something in that month; the totals below say the rest.
    card: (r) => r.records[f] > 0,
    align: 'end',
    footer: formatCount(locale, view.totals.records[f]),
    headerProps: { 'data-column': f },
  });
  const columns: DataColumn<Row>[] = [
    {
      id: 'month',
      header: t('month'),
      isRowHeader: true,
      cell: (r) =>
        r.month === 'now' ? (
          <>
            <span className="block">{t('dueNowRow')}</span>
            <span className="block text-xs font-normal text-muted">{t('dueNowRowHint')}</span>
          </>
        ) : (
          <time dateTime={r.month} title={r.month}>
            {formatMonth(locale, r.month)}
          </time>
        ),
      footer: t('totalRow', { months: view.months }),
      headerProps: { 'data-column': 'month' },
      className: 'whitespace-nowrap',
    },
    ...FAMILY_IDS.map(familyColumn),
    {
      id: 'records',
      header: t('allRecords'),
      cell: (r) => <span className="font-medium">{count(r.recordsTotal)}</span>,
      align: 'end',
      footer: formatCount(locale, view.totals.recordsTotal),
      headerProps: { 'data-column': 'records' },
    },
    {
      id: 'actors',
      header: t('actorsRemoved'),
      cell: (r) => count(r.actorsRemoved),
      align: 'end',
      footer: formatCount(locale, view.totals.actorsRemoved),
      headerProps: { 'data-column': 'actors' },
    },
  ];
  const rows: Row[] = [{ ...view.dueNow, month: 'now' }, ...view.entries];
  return (
    <DataTable
      id="forecast-table"
      testId="forecast-table"
      caption={t('caption', { asOf: view.asOf })}
      columns={columns}
      rows={rows}
      rowId={(r) => r.month}
      rowProps={(r) => ({ 'data-month': r.month, className: r.month === 'now' ? 'bg-canvas' : '' })}
      footerProps={() => ({ 'data-month': 'total' })}
      empty="—"
      scroll
      cardTitleAs="h4"
    />
  );
}
