import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActorSearchForm } from '@/components/actors/actor-forms';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { getEnv } from '@/lib/env';
import { parseScreenActorId, parseScreenAsOf } from '@/lib/validation/actors';
import { requirePermission } from '@/server/auth/require-permission';
import { normalizeDateParam } from '@/i18n/date-text';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('actors');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The actor lookup (support, admin): a search by actor id. A valid search goes to the actor's
 * timeline (/actors/<id>), where the lookup happens and is access-logged; a bad id is named here.
 */
export default async function ActorsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('actor.lookup', { returnTo: '/actors' });
  const params = await searchParams;
  const rawId = first(params.actorId);
  const rawAsOf = normalizeDateParam(first(params.asOf)) ?? '';
  const t = await getTranslations('actors');
  const errors: { actorId?: string; asOf?: string } = {};
  if (rawId !== undefined) {
    const id = parseScreenActorId(rawId);
    const asOf = parseScreenAsOf(rawAsOf);
    if (!id.ok) errors.actorId = t(`problems.${id.problem}`);
    if (asOf === false) errors.asOf = t('problems.asOf');
    if (id.ok && asOf !== false) redirect(`/actors/${id.actorId}${asOf ? `?asOf=${asOf}` : ''}`);
  }
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <Panel id="actor-search-heading" title={t('searchTitle')}>
        <ActorSearchForm values={{ actorId: rawId ?? '', asOf: rawAsOf }} errors={errors} timeZone={getEnv().RETENTION_TIME_ZONE} />
      </Panel>
    </div>
  );
}
