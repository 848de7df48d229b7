import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { LocalDate } from '@/components/ui/local-date';
import type { FoundActorReport } from '@/lib/retention/types';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-muted uppercase">{term}</dt>
      <dd className="mt-0.5 text-sm font-medium text-ink">{children}</dd>
    </div>
  );
}

/** The actor at a glance, with the removal date (the report's `removal.date`) as the headline. */
export function ActorSummary({
  report,
  registeredOn,
  today,
  legalHold = null,
}: {
  report: FoundActorReport;
  registeredOn: string;
  /** Today in the system's time zone: an actor due on a day up to today is removed by the next run. */
  today: string;
  legalHold?: { until: string | null } | null;
}) {
  const t = useTranslations('actors.summary');
  const { removal } = report;
  // The first day after the as-of date on which any record goes (the report's nextDate, over all categories).
  const nextGoes = Object.values(report.categories).reduce<string | null>((min, c) => (c.nextDate && (!min || c.nextDate < min) ? c.nextDate : min), null);
  const date = (d: string) => <LocalDate date={d} />;
  // Due on the as-of date (the removal date is then that date): not removed yet, but by the next
  // run, or by the first run of that day when the as-of date lies ahead.
  const isDueOnAsOf = removal.date !== null && removal.date === report.asOf;
  const byNextRun = report.asOf <= today;
  let removalNote: ReactNode;
  if (removal.date === null)
    removalNote = removal.reasons.some((r) => r.code === 'CLEANUP_DISABLED')
      ? t('removalDisabled')
      : removal.requestedOn
        ? // A removal request that waits: say so, not "never removed".
          t.rich('removalNeverRequested', { date: removal.requestedOn, d: () => date(removal.requestedOn!) })
        : t('removalNever');
  else if (removal.due) removalNote = byNextRun ? t('removalDueNext') : t.rich('removalDueOn', { date: removal.date, d: () => date(removal.date!) });
  else if (isDueOnAsOf)
    removalNote = t.rich(byNextRun ? 'removalTodayNext' : 'removalToday', { date: removal.date!, d: () => date(removal.date!) });
  else removalNote = t('removalLater');

  return (
    <section aria-labelledby="actor-summary-heading" className="rounded-lg border border-line bg-surface p-5 shadow-sm">
      <h2 id="actor-summary-heading" className="sr-only">
        {t('title')}
      </h2>
      <div className="rounded-md border border-danger/25 bg-danger/5 p-4" data-testid="removal">
        {/* A term and its value, not a styled paragraph that looks like a heading (axe p-as-heading). */}
        <dl>
          <dt className="text-xs font-medium tracking-wide text-danger uppercase">{isDueOnAsOf ? t('removalDueLabel') : t('removal')}</dt>
          <dd className="mt-1 text-2xl font-semibold text-danger" data-testid="removal-date">
            {removal.date ? <LocalDate date={removal.date} /> : t('removalNone')}
          </dd>
        </dl>
        <p className="mt-1 text-sm text-ink">{removalNote}</p>
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-3">
        <Fact term={t('status')}>{report.active ? t('active') : report.cancellationDate ? t('inactive') : t('neverMember')}</Fact>
        <Fact term={t('registered')}>
          <LocalDate date={registeredOn} />
        </Fact>
        {report.cancellationDate ? (
          <Fact term={t('cancelled')}>
            <LocalDate date={report.cancellationDate} />
          </Fact>
        ) : null}
        <Fact term={t('nextGoes')}>{nextGoes ? <LocalDate date={nextGoes} /> : t('nothingNext')}</Fact>
        {report.removal.requestedOn ? (
          <Fact term={t('removalRequested')}>
            <span data-testid="removal-requested-on">
              <LocalDate date={report.removal.requestedOn} />
            </span>
          </Fact>
        ) : null}
        {legalHold ? (
          <Fact term={t('legalHold')}>
            <span data-testid="summary-legal-hold">{legalHold.until ? t.rich('legalHoldUntil', { date: legalHold.until, d: () => date(legalHold.until!) }) : t('legalHoldOpen')}</span>
          </Fact>
        ) : null}
        <Fact term={t('loanHistory')}>{report.loanHistoryOptIn ? t('loanHistoryOn') : t('loanHistoryOff')}</Fact>
      </dl>
    </section>
  );
}
