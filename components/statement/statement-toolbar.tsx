import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button-styles';
import { DateField } from '@/components/ui/date-field';
import { STATEMENT_LANGS, type StatementLang } from '@/lib/requests/statement-text';
import { PrintButton } from './print-button';

const LANG_NAMES: Record<StatementLang, string> = { nl: 'Nederlands', en: 'English' };

/** The statement's URL: /actors/<id>/statement?lang=…&asOf=… (Dutch and today are left out). */
export function statementHref(actorId: number, lang: StatementLang, asOf?: string): string {
  const query = new URLSearchParams();
  if (lang !== 'nl') query.set('lang', lang);
  if (asOf) query.set('asOf', asOf);
  const q = query.toString();
  return `/actors/${actorId}/statement${q ? `?${q}` : ''}`;
}

/**
 * The staff member's controls, never printed: the statement's language (links, so the choice is
 * in the address and independent of the screen's own language), its as-of date, print.
 */
export function StatementToolbar({ actorId, lang, asOf, asOfError }: { actorId: number; lang: StatementLang; asOf?: string; asOfError?: string }) {
  const t = useTranslations('statementPage');
  return (
    <div className="flex flex-wrap items-end gap-4 print:hidden" data-testid="statement-toolbar">
      <nav aria-label={t('language')}>
        <p className="mb-1 text-sm font-medium text-ink">{t('language')}</p>
        <ul className="flex gap-1">
          {STATEMENT_LANGS.map((l) => (
            <li key={l}>
              <Link
                href={statementHref(actorId, l, asOf)}
                prefetch={false}
                lang={l}
                hrefLang={l}
                aria-current={l === lang ? 'page' : undefined}
                className={`inline-block rounded-md px-3 py-2 text-sm font-medium ring-1 ring-inset ${
                  l === lang ? 'bg-brand-soft text-brand ring-brand/30' : 'text-ink ring-line hover:bg-canvas'
                }`}
              >
                {LANG_NAMES[l]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={`/actors/${actorId}/statement`} className="flex flex-wrap items-end gap-2">
        {lang !== 'nl' ? <input type="hidden" name="lang" value={lang} /> : null}
        <DateField name="asOf" label={t('asOf')} defaultValue={asOf ?? ''} errors={asOfError ? [asOfError] : undefined} />
        <button type="submit" className={buttonClass('secondary')}>
          {t('show')}
        </button>
      </form>
      <div className="ml-auto">
        <PrintButton label={t('print')} />
      </div>
    </div>
  );
}
