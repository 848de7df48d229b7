'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { Ref } from 'react';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { LocalDate } from '@/components/ui/local-date';
import { CategoryName, Code } from '@/components/ui/terms';
import { formatCount, formatIsoDate } from '@/i18n/format';
import { CATEGORY_IDS, type CategoryId } from '@/lib/retention/categories';
import type { SettingName } from '@/lib/retention/settings';
import type { SettingsWhatIf } from '@/lib/settings/what-if';
import { useSettingValueText } from './setting-value';

type Props = {
  whatIf: SettingsWhatIf;
  units: Record<SettingName, 'months' | 'days'>;
  headingId: string;
  /** The heading takes the focus when the what-if appears (tabIndex -1). */
  headingRef: Ref<HTMLHeadingElement>;
};

/** A share as "1.2 %" / "1,2 %"; "< 0.1 %" for a tiny one, "0 %" for none. */
function useShare() {
  const locale = useLocale();
  const t = useTranslations('settings.whatIf');
  return (share: number) => {
    if (share === 0) return t('zeroShare');
    if (share < 0.001) return t('tinyShare');
    return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(share);
  };
}

/**
 * What a settings change would do as of today: the changes, the actors and records newly due
 * (per category, next to what is due now and after), and whether it goes beyond the circuit breaker.
 */
export function WhatIfView({ whatIf, units, headingId, headingRef }: Props) {
  const t = useTranslations('settings.whatIf');
  const o = useTranslations('overview');
  const locale = useLocale();
  const valueText = useSettingValueText();
  const share = useShare();
  const n = (x: number) => formatCount(locale, x);
  const rows = CATEGORY_IDS.filter((c) => whatIf.current.records[c] > 0 || whatIf.proposed.records[c] > 0);
  const newly = (x: number) => <span className={x > 0 ? 'font-semibold' : 'text-muted'}>{n(x)}</span>;
  // One row per category, the actors removed as the last (footer) row; cards on a phone.
  const dueColumns: DataColumn<CategoryId>[] = [
    { id: 'category', header: t('category'), isRowHeader: true, cell: (c) => <CategoryName id={c} className="[overflow-wrap:anywhere]" />, footer: t('actorsRow') },
    { id: 'now', header: t('dueNow'), align: 'end', cell: (c) => n(whatIf.current.records[c]), footer: n(whatIf.current.actors) },
    { id: 'after', header: t('dueAfter'), align: 'end', cell: (c) => n(whatIf.proposed.records[c]), footer: n(whatIf.proposed.actors) },
    { id: 'newly', header: t('newlyDue'), align: 'end', cell: (c) => newly(whatIf.newlyDue.records[c]), footer: newly(whatIf.newlyDue.actors) },
  ];

  return (
    <div className="space-y-4">
      <div>
        <h3 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-ink focus-visible:outline-2">
          {t.rich('title', { date: () => <LocalDate date={whatIf.asOf} /> })}
        </h3>
        <p className="mt-1 text-sm text-muted">{t('intro')}</p>
      </div>

      <div>
        <h4 className="text-sm font-medium text-muted">{t('changes')}</h4>
        <ul className="mt-1 space-y-1 text-sm" data-testid="what-if-changes">
          {whatIf.changes.map((c) => (
            <li key={c.name} className="flex flex-wrap gap-x-2">
              <span className="min-w-0 [overflow-wrap:anywhere]">
                {o(`settings.${c.name}.label`)} <Code>{c.name}</Code>
              </span>
              <span className="tabular-nums">
                {valueText(units[c.name], c.oldValue)} → <strong className="font-semibold">{valueText(units[c.name], c.newValue)}</strong>
              </span>
            </li>
          ))}
        </ul>
      </div>

      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="rounded-md border border-line bg-surface p-3">
          <dt className="text-sm text-muted">{t('actorsNewlyDue')}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid="what-if-actors">
            {n(whatIf.newlyDue.actors)}
          </dd>
          <dd className="text-xs text-muted">{t('actorsOf', { count: n(whatIf.newlyDue.actors), total: n(whatIf.actorsTotal), share: share(whatIf.newlyDueShare) })}</dd>
        </div>
        <div className="rounded-md border border-line bg-surface p-3">
          <dt className="text-sm text-muted">{t('recordsNewlyDue')}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid="what-if-records">
            {n(whatIf.newlyDue.recordsTotal)}
          </dd>
        </div>
      </dl>

      {whatIf.exceedsBreaker ? (
        <div className="rounded-md border border-danger/40 bg-danger/5 p-3 text-sm text-ink" data-testid="what-if-breaker">
          <p className="font-semibold text-danger">{t('breakerTitle')}</p>
          <p className="mt-1">
            {t('breaker', {
              count: n(whatIf.newlyDue.actors),
              share: share(whatIf.newlyDueShare),
              maxActors: n(whatIf.breaker.maxActors),
              maxShare: share(whatIf.breaker.maxShare),
            })}
          </p>
        </div>
      ) : null}

      <DataTable
        id="what-if-due"
        testId="what-if-due"
        columns={dueColumns}
        rows={rows}
        rowId={(c) => c}
        caption={t('tableCaption', { date: formatIsoDate(locale, whatIf.asOf) })}
        empty={t('nothingDue')}
        rowProps={(c) => ({ 'data-category': c })}
        footerProps={() => ({ 'data-testid': 'what-if-actors-row' })}
        cardTitleAs="p"
      />
      <p className="text-xs text-muted">{t('dueNowNote')}</p>
      {whatIf.keptLonger ? <KeptLongerView keptLonger={whatIf.keptLonger} /> : null}
      <p className="text-sm">{t('approves', { count: whatIf.newlyDue.actors })}</p>
    </div>
  );
}

/** A delay in days as the screen says it: days up to two months, months beyond. */
function useDelayText() {
  const t = useTranslations('settings.whatIf');
  return (days: number | null) => {
    if (days === null) return '—';
    return days < 60 ? t('delayDays', { n: days }) : t('delayMonths', { n: Math.round(days / 30.4375) });
  };
}

type KeptRow = CategoryId | 'actors';

/** What a change that makes a period longer keeps longer: per category and for actors, how many go later and by how much. */
function KeptLongerView({ keptLonger }: { keptLonger: NonNullable<SettingsWhatIf['keptLonger']> }) {
  const t = useTranslations('settings.whatIf');
  const locale = useLocale();
  const n = (x: number) => formatCount(locale, x);
  const delay = useDelayText();
  // One row per category, then the actors removed (when any go later): a row like the others, so it shows on its own too.
  const rows: KeptRow[] = CATEGORY_IDS.filter((c) => (keptLonger.records[c]?.count ?? 0) > 0);
  if (keptLonger.actors.count > 0) rows.push('actors');
  const of = (row: KeptRow) => (row === 'actors' ? keptLonger.actors : keptLonger.records[row]!);
  const columns: DataColumn<KeptRow>[] = [
    {
      id: 'category',
      header: t('category'),
      isRowHeader: true,
      cell: (row) => (row === 'actors' ? <span className="font-medium">{t('keptLongerActors')}</span> : <CategoryName id={row} className="[overflow-wrap:anywhere]" />),
    },
    { id: 'count', header: t('keptLongerCount'), align: 'end', cell: (row) => n(of(row).count) },
    { id: 'typical', header: t('keptLongerTypical'), align: 'end', cell: (row) => delay(of(row).typicalDays) },
    { id: 'max', header: t('keptLongerMax'), align: 'end', cell: (row) => delay(of(row).maxDays) },
    { id: 'never', header: t('keptLongerNever'), align: 'end', cell: (row) => <span className={of(row).never > 0 ? 'font-semibold' : 'text-muted'}>{n(of(row).never)}</span> },
  ];
  return (
    <section aria-labelledby="kept-longer-title" data-testid="what-if-kept-longer">
      <h4 id="kept-longer-title" className="text-sm font-medium text-ink">
        {t('keptLongerTitle')}
      </h4>
      {rows.length === 0 ? (
        <p className="mt-1 text-sm text-muted">{t('keptLongerNone')}</p>
      ) : (
        <>
          <p className="mt-1 mb-2 text-sm text-muted">{t('keptLongerIntro')}</p>
          <DataTable
            id="what-if-kept-longer"
            testId="what-if-kept-longer-table"
            columns={columns}
            rows={rows}
            rowId={(c) => c}
            caption={t('keptLongerCaption')}
            empty={null}
            rowProps={(c) => ({ 'data-category': c })}
            cardTitleAs="p"
          />
        </>
      )}
    </section>
  );
}
