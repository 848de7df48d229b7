import { useTranslations } from 'next-intl';
import { LocalDate } from '@/components/ui/local-date';
import { Code, RoleName, useTerms } from '@/components/ui/terms';
import type { ReasonCode } from '@/lib/retention/conditions';
import type { ExplainedReason, ReasonEvidence } from '@/lib/timeline/reasons';

const SHOWN_EVIDENCE = 4;

/** The code's meaning, and for a reason without an end what would end it. */
export function useReasonText() {
  const tm = useTranslations('actorReasons');
  const ta = useTranslations('actorReasonActions');
  return {
    meaning: (code: ReasonCode) => tm(code),
    action: (code: ReasonCode) => (ta.has(code as Parameters<typeof ta.has>[0]) ? ta(code as Parameters<typeof ta>[0]) : ta('OTHER')),
  };
}

/** One record behind a reason, in words (dates in the user's language, ISO on hover). */
export function EvidenceText({ evidence }: { evidence: ReasonEvidence }) {
  const t = useTranslations('actors.evidence');
  const tk = useTranslations('actors.financialKinds');
  const to = useTranslations('actors.otherRoleKinds');
  const d = (date: string) => () => <LocalDate date={date} />;
  switch (evidence.kind) {
    case 'setting':
      return <>{t('setting')}</>;
    case 'cancellation':
      return <>{t.rich(evidence.fromRegistration ? 'registration' : 'cancellation', { date: evidence.date, until: evidence.until, d: d(evidence.date), u: d(evidence.until) })}</>;
    case 'role': {
      const parts = [
        evidence.startDate ? t.rich('roleStarted', { date: evidence.startDate, d: d(evidence.startDate) }) : null,
        evidence.endDate ? t.rich('roleEnded', { date: evidence.endDate, d: d(evidence.endDate) }) : t('roleNoEnd'),
        evidence.deregistrationDate ? t.rich('roleDeregistered', { date: evidence.deregistrationDate, d: d(evidence.deregistrationDate) }) : null,
      ].filter((p) => p !== null);
      return (
        <>
          <RoleName role={{ type: evidence.type, subtype: evidence.subtype, status: evidence.status }} />
          {parts.map((p, i) => (
            <span key={i}>, {p}</span>
          ))}
        </>
      );
    }
    case 'financial': {
      const k = evidence.financialKind;
      const kind = k === 'membership_fee' || k === 'fine' || k === 'payment' ? tk(k) : tk('other', { kind: k ?? '?' });
      return <>{t.rich('financial', { kind, date: evidence.bookedOn, settled: evidence.settled ? 'yes' : 'no', d: d(evidence.bookedOn) })}</>;
    }
    case 'loan':
      return <>{evidence.loanedOn ? t.rich('loan', { date: evidence.loanedOn, d: d(evidence.loanedOn) }) : t('loanUndated')}</>;
    case 'block':
      return (
        <>
          {t.rich('block', {
            kind: t(evidence.type === 'ALG' || evidence.type === 'DEU' ? `blockKinds.${evidence.type}` : 'blockKinds.other'),
            type: evidence.type,
            created: evidence.createdOn ? 'yes' : 'no',
            date: evidence.createdOn ?? '',
            d: d(evidence.createdOn ?? ''),
          })}
        </>
      );
    case 'sipUsername':
      return <>{t('sipUsername')}</>;
    case 'legalHold':
      return <>{evidence.until ? t.rich('legalHoldUntil', { date: evidence.until, u: d(evidence.until) }) : t('legalHoldOpen')}</>;
    case 'otherRole':
      return <>{t('otherRole', { kind: to.has(evidence.roleKind as Parameters<typeof to.has>[0]) ? to(evidence.roleKind as Parameters<typeof to>[0]) : evidence.roleKind })}</>;
  }
}

function evidenceUntil(e: ReasonEvidence): string | null | undefined {
  return 'until' in e ? e.until : undefined;
}

/** Every reason that keeps the actor: its name in words with the code unchanged beside it, its meaning, the records behind it, and its end. */
export function ReasonsPanel({ reasons, asOf, removalDate }: { reasons: ExplainedReason[]; asOf: string; removalDate: string | null }) {
  const t = useTranslations('actors.reasons');
  const text = useReasonText();
  const terms = useTerms();
  return (
    <section aria-labelledby="reasons-heading" className="rounded-lg border border-line bg-surface p-5 shadow-sm">
      <h2 id="reasons-heading" className="text-lg font-semibold text-ink">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-muted">{t.rich('description', { asOf, d: () => <LocalDate date={asOf} /> })}</p>
      {reasons.length === 0 ? (
        <p className="mt-4 text-sm font-medium text-ok" data-testid="reasons">
          {t('none')}
        </p>
      ) : (
        <ul className="mt-4 space-y-3" data-testid="reasons">
          {reasons.map((r) => {
            const shown = r.evidence.slice(0, SHOWN_EVIDENCE);
            const sets = r.until !== null && r.until === removalDate;
            return (
              <li key={r.code} className="rounded-md border border-warn/30 bg-warn/5 p-3" data-code={r.code}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                  <p className="min-w-0 text-sm font-semibold text-ink [overflow-wrap:anywhere]">
                    {terms.condition(r.code)} <Code>{r.code}</Code>
                  </p>
                  <span className="text-sm font-medium whitespace-nowrap text-warn">
                    {r.until ? t.rich('until', { date: r.until, d: () => <LocalDate date={r.until!} /> }) : t('untilActs')}
                  </span>
                </div>
                <p className="mt-1 text-sm text-ink">{text.meaning(r.code)}</p>
                {r.until === null ? <p className="mt-0.5 text-sm text-muted">{text.action(r.code)}</p> : null}
                {sets ? <p className="mt-1 inline-block rounded bg-danger/10 px-1.5 py-0.5 text-xs font-medium text-danger">{t('latest')}</p> : null}
                {shown.length > 0 && r.evidence[0]!.kind !== 'setting' ? (
                  <div className="mt-2 text-sm">
                    <p className="text-xs font-medium tracking-wide text-muted uppercase">{t('behind')}</p>
                    <ul className="mt-1 space-y-1">
                      {shown.map((e, i) => {
                        const until = evidenceUntil(e);
                        return (
                          <li key={i} className="text-ink">
                            <EvidenceText evidence={e} />
                            {until !== undefined && r.evidence.length > 1 ? (
                              <span className="text-muted">
                                {' '}
                                — {until ? t.rich('itemUntil', { date: until, d: () => <LocalDate date={until} /> }) : t('itemUntilActs')}
                              </span>
                            ) : null}
                          </li>
                        );
                      })}
                    </ul>
                    {r.evidence.length > SHOWN_EVIDENCE ? <p className="mt-1 text-xs text-muted">{t('more', { count: r.evidence.length - SHOWN_EVIDENCE })}</p> : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
