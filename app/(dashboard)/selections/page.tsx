import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { CoverageBar } from '@/components/selections/coverage-bar';
import { CriteriaForm } from '@/components/selections/criteria-form';
import { ExportForm } from '@/components/selections/export-form';
import { LoansPerMonthChart } from '@/components/selections/loans-per-month-chart';
import { MembershipChart } from '@/components/selections/membership-chart';
import { STATE_COLOR, ANONYMIZED_COLOR, LINKED_COLOR } from '@/components/selections/chart-colors';
import { LocalDate, LocalDateTime } from '@/components/ui/local-date';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatCount, formatIsoDate, formatMonth } from '@/i18n/format';
import type { AppLocale } from '@/i18n/locales';
import { getEnv, retentionToday } from '@/lib/env';
import { MEMBERSHIP_STATES } from '@/lib/selections/types';
import { requirePermission } from '@/server/auth/require-permission';
import { loadSelectionScreen, SELECTION_FIELDS, type SelectionField } from '@/server/data/selections-screen';
import { normalizeDateParam } from '@/i18n/date-text';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('selections');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One value of a search parameter; an empty field (a cleared input) counts as not given. */
const param = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/**
 * Selections of one instance's customers (RETENTION.md, "Selections and exports"): the criteria
 * from the URL, the count with its split by membership state, the source system's "active" beside
 * this product's, with a period the loans it covers (linked and anonymized) and per month, and the
 * two CSV downloads. A bad criterion is explained beside its field, never an error page.
 */
const DATE_FIELDS: ReadonlySet<SelectionField> = new Set<SelectionField>(['borrowedFrom', 'borrowedTo', 'asOf']);

export default async function SelectionsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const asked: Partial<Record<SelectionField, string>> = {};
  for (const field of SELECTION_FIELDS) {
    // A day typed in a date field and sent without JavaScript ("15 Nov 2024") reads as its ISO form.
    const value = DATE_FIELDS.has(field) ? normalizeDateParam(param(params[field])) : param(params[field]);
    if (value !== undefined) asked[field] = value;
  }
  const query = new URLSearchParams(Object.entries(asked) as [string, string][]).toString();
  const caller = await requirePermission('selection.read', { returnTo: query ? `/selections?${query}` : '/selections' });
  const today = retentionToday();
  const [screen, t, locale] = await Promise.all([loadSelectionScreen(caller, asked, today), getTranslations('selections'), getLocale() as Promise<AppLocale>]);
  const n = (v: number) => formatCount(locale, v);
  const result = screen.result;
  const hasErrors = screen.formError !== null || Object.keys(screen.errors).length > 0;
  // The shared validation speaks English (it is the API's); the screen says each problem in the user's language.
  const problem = (message: string) => {
    if (/real calendar date/.test(message)) return t('criteria.problems.date');
    if (/is needed with borrowedFrom/.test(message)) return t('criteria.problems.needsTo');
    if (/is needed with borrowedTo/.test(message)) return t('criteria.problems.needsFrom');
    if (/must not be before borrowedFrom/.test(message)) return t('criteria.problems.toBeforeFrom');
    if (/names no instance/.test(message)) return t('criteria.problems.unknownInstance');
    if (/is tied to instance/.test(message)) return t('criteria.problems.notYourInstance');
    return t('criteria.problems.other', { detail: message });
  };
  const errors = Object.fromEntries(Object.entries(screen.errors).map(([field, list]) => [field, list.map(problem)]));

  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />

      <Panel id="criteria-heading" title={t('criteria.title')}>
        <CriteriaForm values={screen.values} instances={screen.instances} tiedTo={screen.tiedTo} errors={errors} />
        {hasErrors ? (
          <div role="alert" data-testid="criteria-problem" className="mt-4 rounded-md border border-danger/30 bg-danger/5 px-3 py-2 text-sm text-danger">
            <p className="font-semibold">{t('criteria.invalidTitle')}</p>
            <p>{screen.formError ? problem(screen.formError) : t('criteria.invalidHint')}</p>
          </div>
        ) : null}
      </Panel>

      {result ? (
        <>
          {result.dueToday || result.request.asOf !== today ? (
            <p role="status" data-testid="held-note" className="rounded-md border border-warn/30 bg-warn/5 px-3 py-2 text-sm text-ink">
              {result.request.asOf > today
                ? t('held.future')
                : result.request.asOf < today
                  ? t('held.past')
                  : t.rich('held.dueToday', {
                      records: result.dueToday!.records,
                      actors: result.dueToday!.actors,
                      at: () => <LocalDateTime at={result.dueToday!.countedAt} timeZone={getEnv().RETENTION_TIME_ZONE} />,
                    })}
            </p>
          ) : null}

          <Panel id="count-heading" title={t('count.title')}>
            {/* The figure alone (a div, not a paragraph: a large bold <p> reads as a heading); the sentence below says what it counts. */}
            <div className="text-3xl font-semibold tabular-nums text-ink" data-testid="actors-count" data-count={result.selection.actors}>
              {n(result.selection.actors)}
            </div>
            <p className="mt-1 text-sm text-ink" data-testid="actors-sentence">
              {t('count.actors', { count: result.selection.actors })}{' '}
              <span className="text-muted">
                {t.rich('count.of', { name: result.instance.name, asOf: () => <LocalDate date={result.request.asOf} /> })}
              </span>
            </p>
            <h3 className="mt-5 text-sm font-semibold text-ink">{t('count.byMembershipTitle')}</h3>
            <p className="text-xs text-muted">{t('count.byMembershipHint')}</p>
            <div className="mt-3 grid gap-4 lg:grid-cols-2 lg:items-center">
              <MembershipChart
                data={MEMBERSHIP_STATES.map((state) => ({ state, label: t(`membership.${state}`), count: result.selection.byMembership[state] }))}
                alt={t('count.chartAlt', {
                  summary: MEMBERSHIP_STATES.map((s) => `${t(`membership.${s}`)} ${n(result.selection.byMembership[s])}`).join(', '),
                })}
              />
              <table className="w-full text-sm tabular-nums" data-testid="membership-table">
                <caption className="sr-only">{t('count.caption')}</caption>
                <thead>
                  <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
                    <th scope="col" className="py-1.5 pr-3 font-medium">
                      {t('count.state')}
                    </th>
                    <th scope="col" className="py-1.5 text-right font-medium">
                      {t('count.customers')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {MEMBERSHIP_STATES.map((state) => (
                    <tr key={state} data-state={state} className="border-b border-line/60 align-top">
                      <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                        <span className="flex items-start gap-2">
                          <span aria-hidden="true" className="mt-1 inline-block size-3 shrink-0 rounded-sm" style={{ background: STATE_COLOR[state] }} />
                          <span className="min-w-0">
                            <span className="font-medium text-ink">{t(`membership.${state}`)}</span> <span className="font-mono text-xs text-muted">{state}</span>
                            <span className="block text-xs text-muted">{t(`stateHint.${state}`)}</span>
                          </span>
                        </span>
                      </th>
                      <td className="py-1.5 text-right" data-testid={`count-${state}`}>
                        {n(result.selection.byMembership[state])}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Panel>

          <Panel id="compare-heading" title={t('compare.title')}>
            <dl className="grid gap-3 sm:grid-cols-2">
              <div className="rounded-md border border-line bg-canvas/60 p-4">
                <dt className="text-sm text-muted">
                  {t('compare.product')} <span className="font-mono text-xs">active_here</span>
                </dt>
                <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid="product-active">
                  {n(result.selection.byMembership.active_here)}
                </dd>
                <dd className="mt-1 text-xs text-muted">{t('compare.productHint', { name: result.instance.name })}</dd>
              </div>
              <div className="rounded-md border border-line bg-canvas/60 p-4">
                <dt className="text-sm text-muted">
                  {t('compare.source')} <span className="font-mono text-xs">wise_active</span>
                </dt>
                <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid="source-active">
                  {n(result.selection.byMembership.active_here + result.selection.byMembership.active_elsewhere)}
                </dd>
                <dd className="mt-1 text-xs text-muted">{t('compare.sourceHint')}</dd>
              </div>
            </dl>
            <p className="mt-3 max-w-3xl text-sm text-ink" data-testid="active-difference">
              {t('compare.difference', { count: result.selection.byMembership.active_elsewhere })}
            </p>
          </Panel>

          <Panel id="coverage-heading" title={t('coverage.title')}>
            {result.selection.loans ? (
              <div className="space-y-3" data-testid="coverage">
                <p className="text-sm text-ink" data-testid="coverage-summary">
                  {t.rich('coverage.summary', {
                    total: result.selection.loans.total,
                    from: () => <LocalDate date={result.selection.loans!.from} />,
                    to: () => <LocalDate date={result.selection.loans!.to} />,
                    linked: n(result.selection.loans.linked),
                    anonymized: n(result.selection.loans.anonymized),
                  })}
                </p>
                <CoverageBar
                  linked={result.selection.loans.linked}
                  anonymized={result.selection.loans.anonymized}
                  alt={t('coverage.alt', { linked: n(result.selection.loans.linked), anonymized: n(result.selection.loans.anonymized) })}
                />
                <ul className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-ink" aria-hidden="true">
                  <li className="inline-flex items-center gap-1.5">
                    <span className="inline-block size-3 rounded-sm" style={{ background: LINKED_COLOR }} /> {t('coverage.linked')} {n(result.selection.loans.linked)}
                  </li>
                  <li className="inline-flex items-center gap-1.5">
                    <span className="inline-block size-3 rounded-sm" style={{ background: ANONYMIZED_COLOR }} /> {t('coverage.anonymized')} {n(result.selection.loans.anonymized)}
                  </li>
                </ul>
                <ul className="list-disc space-y-1 pl-5 text-sm text-ink" data-testid="coverage-reasons">
                  <li>
                    {result.settings.optOutLoanDays > 0
                      ? t('coverage.reasonOptOut', { days: result.settings.optOutLoanDays })
                      : t('coverage.reasonOptOutDisabled')}
                  </li>
                  <li>
                    {result.settings.historyMonths > 0
                      ? t('coverage.reasonHistory', { months: result.settings.historyMonths })
                      : t('coverage.reasonHistoryDisabled')}
                  </li>
                </ul>
                <p className="max-w-3xl text-sm font-medium text-ink" data-testid="cannot-reach">
                  {t('coverage.cannotReach')}
                </p>
              </div>
            ) : (
              <p className="text-sm text-muted" data-testid="no-period">
                {t('coverage.noPeriod')}
              </p>
            )}
          </Panel>

          {result.months && result.selection.loans ? (
            <Panel id="per-month-heading" title={t('perMonth.title')}>
              <p className="mb-4 max-w-3xl text-sm text-ink" data-testid="stats-kept">
                {t('perMonth.statsKept')}
              </p>
              {result.months.length === 0 ? (
                <p className="text-sm text-muted">{t('perMonth.none')}</p>
              ) : (
                <>
                  <LoansPerMonthChart
                    months={result.months}
                    labels={{ linked: t('coverage.linked'), anonymized: t('coverage.anonymized') }}
                    alt={t('perMonth.alt', { from: formatIsoDate(locale, result.selection.loans.from), to: formatIsoDate(locale, result.selection.loans.to) })}
                    scrollLabel={t('perMonth.caption')}
                  />
                  <ScrollRegion labelledBy="per-month-caption" className="mt-4 max-h-80 overflow-y-auto">
                    <table className="w-full text-sm tabular-nums" data-testid="per-month-table">
                      <caption id="per-month-caption" className="sr-only">
                        {t('perMonth.caption')}
                      </caption>
                      <thead>
                        <tr className="border-b border-line text-left text-xs text-muted">
                          <th scope="col" className="py-1.5 pr-2 font-medium">
                            {t('perMonth.month')}
                          </th>
                          <th scope="col" className="py-1.5 pr-2 text-right font-medium">
                            {t('coverage.linked')}
                          </th>
                          <th scope="col" className="py-1.5 pr-2 text-right font-medium">
                            {t('coverage.anonymized')}
                          </th>
                          <th scope="col" className="py-1.5 text-right font-medium">
                            {t('perMonth.total')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {result.months.map((m) => (
                          <tr key={m.month} data-month={m.month} className="border-b border-line/60">
                            <th scope="row" className="py-1.5 pr-2 text-left font-normal whitespace-nowrap">
                              <time dateTime={m.month}>{formatMonth(locale, m.month)}</time>
                            </th>
                            <td className="py-1.5 pr-2 text-right">{n(m.linked)}</td>
                            <td className="py-1.5 pr-2 text-right">{n(m.anonymized)}</td>
                            <td className="py-1.5 text-right">{n(m.total)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollRegion>
                </>
              )}
            </Panel>
          ) : null}

          <Panel id="export-heading" title={t('export.title')} description={t('export.intro')}>
            <ExportForm request={result.request} />
          </Panel>
        </>
      ) : null}
    </div>
  );
}
