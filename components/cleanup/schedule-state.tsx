import { useLocale, useTranslations } from 'next-intl';
import { LocalDateTime } from '@/components/ui/local-date';
import { formatCount } from '@/i18n/format';
import type { JobStatus } from '@/lib/cleanup/job';

/**
 * The retention schedule's state in plain words for ops (part of the job panel, refreshed with
 * it): up to date, with the actors planned and the changed actors queued for the next run; or
 * being re-planned after a settings change, with how far it got, and what that means for the
 * numbers on this screen meanwhile (the backlog is its last count; the forecast walks the library).
 */
export function ScheduleState({ schedule, timeZone }: { schedule: JobStatus['schedule']; timeZone: string }) {
  const t = useTranslations('cleanup.schedule');
  const locale = useLocale();
  const isCurrent = schedule.state === 'current';
  // While rebuilding, the total is counted; never divide by it when the library is empty.
  const total = schedule.actorsTotal ?? schedule.plannedActors;
  const planned = Math.min(schedule.plannedActors, total);
  const percent = total > 0 ? Math.floor((planned / total) * 100) : 0;
  return (
    <div className="mt-4 rounded-md border border-line p-3 text-sm" data-testid="schedule-state" data-state={schedule.state}>
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-ink">{t('title')}</span>
        <span
          data-testid="schedule-state-label"
          className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${isCurrent ? 'bg-ok/10 text-ok ring-ok/30' : 'bg-warn/5 text-warn ring-warn/40'}`}
        >
          {t(isCurrent ? 'current' : 'rebuilding')}
        </span>
      </p>
      {isCurrent ? (
        <p className="mt-1 text-ink" data-testid="schedule-state-text">
          {t('currentText', { plannedCount: schedule.plannedActors, queuedCount: schedule.queued })}{' '}
          {schedule.builtAt ? <span className="text-muted">{t.rich('builtAt', { at: () => <LocalDateTime at={schedule.builtAt!} timeZone={timeZone} /> })}</span> : null}
        </p>
      ) : (
        <>
          <p className="mt-1 text-ink" data-testid="schedule-state-text">
            {t('rebuildingText', { planned: formatCount(locale, planned), total: formatCount(locale, total) })}
          </p>
          <div
            role="progressbar"
            aria-label={t('progressLabel')}
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={planned}
            aria-valuetext={`${formatCount(locale, planned)} / ${formatCount(locale, total)}`}
            className="mt-2 h-2 w-full max-w-md overflow-hidden rounded-full bg-line"
          >
            <div className="h-full rounded-full bg-warn" style={{ width: `${percent}%` }} />
          </div>
        </>
      )}
    </div>
  );
}
