import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StatementDocument } from '@/components/statement/statement-document';
import { StatementToolbar } from '@/components/statement/statement-toolbar';
import { LocalDate } from '@/components/ui/local-date';
import { normalizeDateParam } from '@/i18n/date-text';
import { PageHeader } from '@/components/ui/page-header';
import { getEnv } from '@/lib/env';
import { DEFAULT_STATEMENT_LANG, isStatementLang } from '@/lib/requests/statement-text';
import { todayIn } from '@/lib/retention/dates';
import { parseScreenActorId, parseScreenAsOf } from '@/lib/validation/actors';
import { requirePermission } from '@/server/auth/require-permission';
import { getRetentionStatement } from '@/server/data/statement';

export const dynamic = 'force-dynamic';

type Params = Promise<{ actorId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('statementPage');
  const id = parseScreenActorId(decodeURIComponent((await params).actorId));
  return { title: id.ok ? t('actorTitle', { actorId: id.actorId }) : t('title') };
}

/**
 * The retention statement for a customer (GDPR art. 15; support, admin), in Dutch unless
 * `?lang=en`, to print on A4 or save as PDF: the shell, this page's header and its controls are
 * hidden in print. Its making is written to the access log (channel `statement`) before anything
 * is read, unknown actors included. The wording is the API's `text`, built in lib/requests.
 */
export default async function StatementPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const rawId = decodeURIComponent((await params).actorId);
  const caller = await requirePermission('actor.statement', { returnTo: `/actors/${encodeURIComponent(rawId)}/statement` });
  const t = await getTranslations('statementPage');
  const tActors = await getTranslations('actors');
  const id = parseScreenActorId(rawId);
  if (!id.ok) {
    return (
      <div className="space-y-6">
        <PageHeader title={tActors('badIdTitle')} intro={tActors(`problems.${id.problem}`)} />
        <Link href="/actors" className="text-sm font-medium text-brand underline underline-offset-2">
          {tActors('anotherActor')}
        </Link>
      </div>
    );
  }

  const query = await searchParams;
  const rawLang = first(query.lang);
  const lang = rawLang === undefined || rawLang === '' ? DEFAULT_STATEMENT_LANG : rawLang;
  const parsedAsOf = parseScreenAsOf(normalizeDateParam(first(query.asOf)));
  const backLink = (
    <Link href={`/actors/${id.actorId}`} className="text-sm font-medium text-brand underline underline-offset-2 print:hidden">
      {t('back', { actorId: id.actorId })}
    </Link>
  );

  if (!isStatementLang(lang) || parsedAsOf === false) {
    return (
      <div className="space-y-6">
        <PageHeader title={t('actorTitle', { actorId: id.actorId })} />
        <StatementToolbar
          actorId={id.actorId}
          lang={isStatementLang(lang) ? lang : DEFAULT_STATEMENT_LANG}
          asOfError={parsedAsOf === false ? t('problems.asOf') : undefined}
        />
        {isStatementLang(lang) ? null : (
          <p role="alert" className="rounded-md border border-danger/30 bg-danger/5 px-3 py-2 text-sm text-danger">
            {t('problems.lang')}
          </p>
        )}
        {backLink}
      </div>
    );
  }

  const asOf = parsedAsOf ?? todayIn(getEnv().RETENTION_TIME_ZONE);
  const statement = await getRetentionStatement(caller, { actorId: id.actorId, asOf, lang });
  const intro = t.rich('intro', { asOf, d: () => <LocalDate date={asOf} /> });

  return (
    <div className="space-y-6 print:space-y-0">
      <div className="space-y-4 print:hidden">
        <PageHeader title={t('actorTitle', { actorId: id.actorId })} intro={intro} />
        <StatementToolbar actorId={id.actorId} lang={lang} asOf={parsedAsOf} />
      </div>
      {statement.found ? (
        <StatementDocument statement={statement} />
      ) : (
        <p className="rounded-lg border border-line bg-surface p-6 text-sm shadow-sm" data-testid="statement-not-found">
          {t.rich('notFound', { actorId: id.actorId, asOf, d: () => <LocalDate date={asOf} /> })}
        </p>
      )}
      {backLink}
    </div>
  );
}
