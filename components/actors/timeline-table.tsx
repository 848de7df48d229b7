import { useLocale, useTranslations } from 'next-intl';
import { formatIsoDate } from '@/i18n/format';
import { LocalDate } from '@/components/ui/local-date';
import type { TimelineLayout } from '@/lib/timeline/layout';
import type { ExplainedReason } from '@/lib/timeline/reasons';
import type { TimelineRecord } from '@/lib/timeline/records';
import { useReasonText } from './reasons-panel';
import { CATEGORY_FAMILY, FAMILY_SWATCH } from './timeline-style';

const th = 'py-2 pr-4 text-left text-xs font-medium tracking-wide text-muted uppercase';
const td = 'py-1.5 pr-4 align-top';

/**
 * The timeline as tables (the same layout the chart draws: one row per bar, lane by lane, then the
 * reasons), for screen readers and for copying. Closed by default to keep the page short.
 */
export function TimelineTable({ layout, records, reasons, withDetails }: { layout: TimelineLayout; records: TimelineRecord[]; reasons: ExplainedReason[]; withDetails: boolean }) {
  const t = useTranslations('actors.table');
  const tc = useTranslations('actorCategories');
  const th_ = useTranslations('actors.happens');
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
  const bars = layout.lanes.flatMap((lane) => lane.bars);
  // Admin's extra columns, only where some record has a value for them.
  const showItem = withDetails && records.some((r) => r.itemId !== undefined);
  const showAmount = withDetails && records.some((r) => r.amountCents !== undefined);
  const { membership } = layout;

  return (
    <details className="group rounded-lg border border-line bg-surface shadow-sm" data-testid="table-view">
      <summary className="cursor-pointer list-none rounded-lg px-5 py-4 text-lg font-semibold text-ink hover:bg-canvas">
        <span aria-hidden="true" className="mr-2 inline-block text-muted transition-transform group-open:rotate-90">
          ▸
        </span>
        <span>{t('title')}</span>
        <span className="mt-0.5 block pl-6 text-sm font-normal text-muted">{t('summary')}</span>
      </summary>
      <div className="space-y-6 border-t border-line px-5 py-4">
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
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('recordsCaption', { asOf })}>
          {bars.length === 0 ? (
            <p className="text-sm text-muted">{t('noRecords')}</p>
          ) : (
            <table className="w-full min-w-[44rem] border-collapse text-sm" data-testid="records-table">
              <caption className="pb-2 text-left text-sm font-medium text-ink">{t('recordsCaption', { asOf })}</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className={th}>{t('category')}</th>
                  <th scope="col" className={th}>{t('kind')}</th>
                  <th scope="col" className={th}>{t('recordDate')}</th>
                  <th scope="col" className={th}>{t('goDate')}</th>
                  <th scope="col" className={th}>{t('happens')}</th>
                  <th scope="col" className={th}>{t('why')}</th>
                  {showItem ? <th scope="col" className={th}>{t('item')}</th> : null}
                  {showAmount ? <th scope="col" className={`${th} text-right`}>{t('amount')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {bars.map((bar) => {
                  const r = records[bar.index]!;
                  return (
                    <tr
                      key={bar.index}
                      className="border-b border-line/60"
                      data-testid="record-row"
                      data-category={bar.category}
                      data-start={bar.startKnown ? bar.start : ''}
                      data-end={bar.end ?? ''}
                    >
                      <th scope="row" className={`${td} text-left font-normal`}>
                        <span className="flex items-center gap-2">
                          <span aria-hidden="true" className={`inline-block size-2.5 shrink-0 rounded-sm ${FAMILY_SWATCH[CATEGORY_FAMILY[bar.category]]}`} />
                          <span>
                            {tc(bar.category)} <span className="font-mono text-xs text-muted">{bar.category}</span>
                          </span>
                        </span>
                      </th>
                      <td className={td}>{kindOf(r)}</td>
                      <td className={`${td} whitespace-nowrap`}>{bar.startKnown ? <LocalDate date={bar.start} /> : <span className="text-muted">{t('notRecorded')}</span>}</td>
                      <td className={`${td} whitespace-nowrap`}>{bar.end ? <LocalDate date={bar.end} /> : <span className="text-muted">{t('neverGoes')}</span>}</td>
                      <td className={td}>{th_(bar.action)}</td>
                      <td className={td}>
                        {bar.status === 'due' ? `${tw('due')}; ` : ''}
                        {tw(bar.goesBy)}
                        {r.kept ? <span className="text-muted"> ({tkept(r.kept)})</span> : null}
                      </td>
                      {showItem ? <td className={`${td} font-mono text-xs`}>{r.itemId ?? ''}</td> : null}
                      {showAmount ? <td className={`${td} text-right tabular-nums`}>{r.amountCents !== undefined ? money.format(r.amountCents / 100) : ''}</td> : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
        {reasons.length > 0 ? (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('reasonsCaption', { asOf })}>
            <table className="w-full min-w-[36rem] border-collapse text-sm" data-testid="reasons-table">
              <caption className="pb-2 text-left text-sm font-medium text-ink">{t('reasonsCaption', { asOf })}</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className={th}>{t('code')}</th>
                  <th scope="col" className={th}>{t('meaning')}</th>
                  <th scope="col" className={th}>{t('until')}</th>
                </tr>
              </thead>
              <tbody>
                {reasons.map((r) => (
                  <tr key={r.code} className="border-b border-line/60" data-code={r.code} data-until={r.until ?? ''}>
                    <th scope="row" className={`${td} text-left font-mono text-xs font-normal`}>{r.code}</th>
                    <td className={td}>{text.meaning(r.code)}</td>
                    <td className={`${td} whitespace-nowrap`}>{r.until ? <LocalDate date={r.until} /> : treasons('untilActs')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </details>
  );
}
