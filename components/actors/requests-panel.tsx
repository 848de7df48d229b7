import { useTranslations } from 'next-intl';
import { LocalDate } from '@/components/ui/local-date';
import type { ActorRequests } from '@/server/data/requests';
import { LegalHoldForms, RemovalRequestForm } from './request-forms';

/** Whether a hold holds on `day`: no end, or an end after it (RETENTION.md, "Legal hold"). */
export function holdHolds(hold: ActorRequests['hold'], day: string): hold is NonNullable<ActorRequests['hold']> {
  return hold !== null && (hold.until === null || hold.until > day);
}

/**
 * The banner at the top of the actor screen while a legal hold holds today. Every caller who may
 * look the actor up sees that it exists and its end; the reason only reaches callers with
 * `actor.legal_hold` (it is not even read for anyone else).
 */
export function LegalHoldBanner({ hold, canManage }: { hold: NonNullable<ActorRequests['hold']>; canManage: boolean }) {
  const t = useTranslations('actors.requests.banner');
  const th = useTranslations('actors.requests.hold');
  return (
    <section aria-label={th('title')} className="rounded-lg border-2 border-brand bg-brand-soft px-4 py-3 text-ink shadow-sm sm:px-5" data-testid="legal-hold-banner">
      <p className="flex items-start gap-2 text-base font-semibold">
        <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="mt-0.5 size-5 shrink-0 fill-brand">
          <path d="M10 1.5 3 4.5v5c0 4.2 2.9 7.9 7 9 4.1-1.1 7-4.8 7-9v-5l-7-3Zm-1 5h2v5H9v-5Zm0 6.5h2v2H9v-2Z" />
        </svg>
        <span>{hold.until ? t.rich('until', { date: hold.until, d: () => <LocalDate date={hold.until!} /> }) : t('open')}</span>
      </p>
      {canManage && hold.reason ? (
        <p className="mt-1 pl-7 text-sm break-words" data-testid="legal-hold-reason">
          {t('reason', { reason: hold.reason })}
        </p>
      ) : !canManage ? (
        <p className="mt-1 pl-7 text-sm text-muted">{t('reasonHidden')}</p>
      ) : null}
    </section>
  );
}

/**
 * The requests about one customer: the removal request (support, admin) and the legal hold
 * (admin). Each form's server action checks the permission again.
 */
export function RequestsPanel({
  actorId,
  requests,
  requestedOn,
  canRequest,
  canHold,
}: {
  actorId: number;
  requests: ActorRequests;
  /** The report's `removal.requestedOn` (null when a later membership made the request void). */
  requestedOn: string | null;
  canRequest: boolean;
  canHold: boolean;
}) {
  const t = useTranslations('actors.requests');
  const recorded = requests.request?.requestedOn ?? null;
  return (
    <section aria-labelledby="requests-heading" className="rounded-lg border border-line bg-surface p-5 shadow-sm" data-testid="requests-panel">
      <h2 id="requests-heading" className="text-lg font-semibold text-ink">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-muted">{t('description')}</p>
      <div className={`mt-4 grid gap-6 ${canHold ? 'lg:grid-cols-2' : ''}`}>
        <div>
          <h3 className="text-base font-semibold text-ink">{t('removal.title')}</h3>
          {recorded ? (
            <p className="mt-2 text-sm font-medium text-ink" data-testid="removal-request-recorded">
              {t.rich('removal.recorded', { date: recorded, d: () => <LocalDate date={recorded} /> })}
              {requestedOn === null ? <span className="block text-muted">{t('removal.recordedVoid')}</span> : null}
            </p>
          ) : canRequest ? (
            <>
              <p className="mt-1 mb-3 text-sm text-muted">{t('removal.intro')}</p>
              <RemovalRequestForm actorId={actorId} />
            </>
          ) : (
            <p className="mt-1 text-sm text-muted">{t('removal.notAllowed')}</p>
          )}
        </div>
        {canHold ? (
          <div>
            <h3 className="text-base font-semibold text-ink">{t('hold.title')}</h3>
            <p className="mt-1 mb-3 text-sm text-muted">{t('hold.intro')}</p>
            <LegalHoldForms actorId={actorId} hold={requests.hold} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
