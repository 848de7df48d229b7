import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditFiltersForm } from '@/components/admin/audit/audit-filters';
import { AuditTable } from '@/components/admin/audit/audit-table';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { auditFiltersSchema } from '@/lib/validation/audit';
import { requirePermission } from '@/server/auth/require-permission';
import { parseScreenFilters } from '@/server/screen-filters';
import { getAuditLog } from '@/server/data/admin';
import { normalizeDateParam } from '@/i18n/date-text';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminAudit');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** Admin: the append-only audit log of settings, user and token changes, filtered by kind and days. */
export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('logs.read', { returnTo: '/admin/audit' });
  const params = await searchParams;
  const raw = { kind: first(params.kind), from: normalizeDateParam(first(params.from)), to: normalizeDateParam(first(params.to)) };
  const { filters, errors } = await parseScreenFilters(auditFiltersSchema, raw, 'kind');
  const [{ entries, isLimited, limit, timeZone }, t] = await Promise.all([getAuditLog(filters), getTranslations('adminAudit')]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <Panel id="audit-filters-heading" title={t('filtersTitle')}>
        <AuditFiltersForm values={raw} errors={errors} timeZone={timeZone} />
      </Panel>
      <Panel id="audit-heading" title={t('entriesTitle')} description={isLimited ? t('limited', { limit }) : undefined}>
        <AuditTable entries={entries} timeZone={timeZone} />
      </Panel>
    </div>
  );
}
