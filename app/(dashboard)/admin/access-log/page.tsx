import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AccessLogFiltersForm } from '@/components/admin/access-log/access-log-filters';
import { AccessLogTable } from '@/components/admin/access-log/access-log-table';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { accessLogFiltersSchema } from '@/lib/validation/access-log';
import { requirePermission } from '@/server/auth/require-permission';
import { parseScreenFilters } from '@/server/screen-filters';
import { getAccessLogScreen } from '@/server/data/access-log';
import { normalizeDateParam } from '@/i18n/date-text';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminAccessLog');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** Admin: who looked up which actor and when (every lookup, screen or API), with filters. */
export default async function AccessLogPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('logs.read', { returnTo: '/admin/access-log' });
  const params = await searchParams;
  const raw = { actorId: first(params.actorId), caller: first(params.caller), from: normalizeDateParam(first(params.from)), to: normalizeDateParam(first(params.to)) };
  const { filters, errors } = await parseScreenFilters(accessLogFiltersSchema, raw, 'actorId');
  const [{ entries, isLimited, limit, timeZone }, t] = await Promise.all([getAccessLogScreen(filters), getTranslations('adminAccessLog')]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <Panel id="access-log-filters-heading" title={t('filtersTitle')}>
        <AccessLogFiltersForm values={raw} errors={errors} timeZone={timeZone} />
      </Panel>
      <Panel id="access-log-heading" title={t('entriesTitle')} description={isLimited ? t('limited', { limit }) : undefined}>
        <AccessLogTable entries={entries} timeZone={timeZone} />
      </Panel>
    </div>
  );
}
