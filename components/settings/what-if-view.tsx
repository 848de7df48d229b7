'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Fragment, type ReactNode, type Ref } from 'react';
import { LocalDate } from '@/components/ui/local-date';
import { formatCount, formatIsoDate } from '@/i18n/format';
import { CATEGORY_IDS } from '@/lib/retention/categories';
import type { SettingName } from '@/lib/retention/settings';
import type { Delay } from '@/lib/settings/kept-longer';
import type { SettingsWhatIf } from '@/lib/settings/what-if';
import { useSettingValueText } from './setting-value';

type Props = {
  whatIf: SettingsWhatIf;
  units: Record<SettingName, 'months' | 'days'>;
  headingId: string;
  /** The heading takes the focus when the what-if appears (tabIndex -1). */
  headingRef: Ref<HTMLHeadingElement>;
};

/** A category id that may wrap after its underscores on a phone, and nowhere else. */
function CategoryId({ id }: { id: string }) {
  const parts = id.split('_');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? (
            <>
              _<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </>
  );
}

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
  const locale = useLocale();
  const valueText = useSettingValueText();
  const share = useShare();
  const n = (x: number) => formatCount(locale, x);
  const rows = CATEGORY_IDS.filter((c) => whatIf.current.records[c] > 0 || whatIf.proposed.records[c] > 0);

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
              <code className="break-all">{c.name}</code>
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

      {rows.length === 0 ? (
        <p className="text-sm text-muted">{t('nothingDue')}</p>
      ) : (
        // Focusable so that a keyboard can scroll it where it is wider than a phone (axe: scrollable-region-focusable).
        <div tabIndex={0} role="region" aria-label={t('tableCaption', { date: formatIsoDate(locale, whatIf.asOf) })} className="overflow-x-auto rounded-md border border-line bg-surface">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t('tableCaption', { date: formatIsoDate(locale, whatIf.asOf) })}</caption>
            <thead>
              <tr className="border-b border-line text-xs text-muted sm:tracking-wide sm:uppercase">
                <th scope="col" className="px-1.5 py-2 font-medium sm:px-3">
                  {t('category')}
                </th>
                <th scope="col" className="px-1.5 py-2 text-right font-medium sm:px-3">
                  {t('dueNow')}
                </th>
                <th scope="col" className="px-1.5 py-2 text-right font-medium sm:px-3">
                  {t('dueAfter')}
                </th>
                <th scope="col" className="px-1.5 py-2 text-right font-medium sm:px-3">
                  {t('newlyDue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c} className="border-b border-line/60">
                  <th scope="row" className="px-1.5 py-1.5 font-mono text-xs font-normal sm:px-3">
                    <CategoryId id={c} />
                  </th>
                  <td className="px-1.5 py-1.5 sm:px-3 text-right tabular-nums">{n(whatIf.current.records[c])}</td>
                  <td className="px-1.5 py-1.5 sm:px-3 text-right tabular-nums">{n(whatIf.proposed.records[c])}</td>
                  <td className={`px-1.5 py-1.5 sm:px-3 text-right tabular-nums ${whatIf.newlyDue.records[c] > 0 ? 'font-semibold' : 'text-muted'}`}>
                    {n(whatIf.newlyDue.records[c])}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="px-1.5 py-1.5 sm:px-3 text-xs font-medium">
                  {t('actorsRow')}
                </th>
                <td className="px-1.5 py-1.5 sm:px-3 text-right tabular-nums">{n(whatIf.current.actors)}</td>
                <td className="px-1.5 py-1.5 sm:px-3 text-right tabular-nums">{n(whatIf.proposed.actors)}</td>
                <td className={`px-1.5 py-1.5 sm:px-3 text-right tabular-nums ${whatIf.newlyDue.actors > 0 ? 'font-semibold' : 'text-muted'}`}>
                  {n(whatIf.newlyDue.actors)}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
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

/** What a change that makes a period longer keeps longer: per category and for actors, how many go later and by how much. */
function KeptLongerView({ keptLonger }: { keptLonger: NonNullable<SettingsWhatIf['keptLonger']> }) {
  const t = useTranslations('settings.whatIf');
  const locale = useLocale();
  const n = (x: number) => formatCount(locale, x);
  const delay = useDelayText();
  const rows = CATEGORY_IDS.filter((c) => (keptLonger.records[c]?.count ?? 0) > 0);
  const cell = 'px-1.5 py-1.5 text-right tabular-nums sm:px-3';
  const line = (label: ReactNode, d: Delay, key: string) => (
    <tr key={key} className="border-b border-line/60">
      <th scope="row" className="px-1.5 py-1.5 font-mono text-xs font-normal sm:px-3">
        {label}
      </th>
      <td className={cell}>{n(d.count)}</td>
      <td className={cell}>{delay(d.typicalDays)}</td>
      <td className={cell}>{delay(d.maxDays)}</td>
      <td className={`${cell} ${d.never > 0 ? 'font-semibold' : 'text-muted'}`}>{n(d.never)}</td>
    </tr>
  );
  return (
    <section aria-labelledby="kept-longer-title" data-testid="what-if-kept-longer">
      <h4 id="kept-longer-title" className="text-sm font-medium text-ink">
        {t('keptLongerTitle')}
      </h4>
      {rows.length === 0 && keptLonger.actors.count === 0 ? (
        <p className="mt-1 text-sm text-muted">{t('keptLongerNone')}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-muted">{t('keptLongerIntro')}</p>
          <div tabIndex={0} role="region" aria-label={t('keptLongerCaption')} className="mt-2 overflow-x-auto rounded-md border border-line bg-surface">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{t('keptLongerCaption')}</caption>
              <thead>
                <tr className="border-b border-line text-xs text-muted sm:tracking-wide sm:uppercase">
                  <th scope="col" className="px-1.5 py-2 font-medium sm:px-3">
                    {t('category')}
                  </th>
                  <th scope="col" className="px-1.5 py-2 text-right font-medium sm:px-3">
                    {t('keptLongerCount')}
                  </th>
                  <th scope="col" className="px-1.5 py-2 text-right font-medium sm:px-3">
                    {t('keptLongerTypical')}
                  </th>
                  <th scope="col" className="px-1.5 py-2 text-right font-medium sm:px-3">
                    {t('keptLongerMax')}
                  </th>
                  <th scope="col" className="px-1.5 py-2 text-right font-medium sm:px-3">
                    {t('keptLongerNever')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => line(<CategoryId id={c} />, keptLonger.records[c]!, c))}
                {keptLonger.actors.count > 0 ? line(<span className="font-sans font-medium">{t('keptLongerActors')}</span>, keptLonger.actors, 'actors') : null}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
