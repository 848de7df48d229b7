import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/text-field';
import { DateField } from '@/components/ui/date-field';

/*
 * The lookup's forms are plain GET forms: a lookup stays in the address (to share or reload) and
 * works without JavaScript. Each submitted lookup is one access-log entry.
 */

/** Search by actor id (and, optionally, an as-of date): /actors?actorId=…&asOf=… */
export function ActorSearchForm({ values, errors, timeZone }: { values: { actorId: string; asOf: string }; errors: { actorId?: string; asOf?: string }; timeZone: string }) {
  const t = useTranslations('actors');
  return (
    <form method="get" action="/actors" className="space-y-3" role="search" aria-label={t('searchTitle')}>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,16rem)_minmax(0,14rem)_auto] sm:items-end">
        <TextField
          name="actorId"
          label={t('actorId')}
          hint={t('actorIdHint')}
          inputMode="numeric"
          autoComplete="off"
          defaultValue={values.actorId}
          errors={errors.actorId ? [errors.actorId] : undefined}
          required
        />
        <DateField name="asOf" label={t('asOf')} hint={t('asOfHint', { timeZone })} defaultValue={values.asOf} errors={errors.asOf ? [errors.asOf] : undefined} className="" />
        <button type="submit" className={`${buttonClass('primary')} sm:justify-self-start`}>
          {t('lookUp')}
        </button>
      </div>
      <p className="text-xs text-muted">{t('accessLogged')}</p>
    </form>
  );
}

/** The as-of picker of one actor's timeline: /actors/<id>?asOf=YYYY-MM-DD (empty: today). */
export function AsOfForm({ actorId, asOf, error, isToday }: { actorId: number; asOf: string; error?: string; isToday: boolean }) {
  const t = useTranslations('actors');
  return (
    <form method="get" action={`/actors/${actorId}`} className="flex flex-wrap items-end gap-2">
      <DateField name="asOf" label={t('asOf')} defaultValue={asOf} errors={error ? [error] : undefined} className="w-48" />
      <button type="submit" className={buttonClass('primary')}>
        {t('show')}
      </button>
      {isToday ? null : (
        <Link href={`/actors/${actorId}`} prefetch={false} className={buttonClass('secondary')}>
          {t('today')}
        </Link>
      )}
    </form>
  );
}
