import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { AuditFiltersForm } from '@/components/admin/audit/audit-filters';
import { AuditTable } from '@/components/admin/audit/audit-table';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { createMessageTranslator } from '@/i18n/messages';
import { translateIssue } from '@/i18n/validation';
import { auditFiltersSchema, type AuditFilters } from '@/lib/validation/audit';
import { requirePermission } from '@/server/auth/require-permission';
import { getAuditLog } from '@/server/data/admin';

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
  const raw = { kind: first(params.kind), from: first(params.from), to: first(params.to) };
  const parsed = auditFiltersSchema.safeParse(raw);
  // A bad filter is named on its field and left out; the others still apply.
  let filters: AuditFilters = {};
  const errors: Record<string, string[]> = {};
  if (parsed.success) filters = parsed.data;
  else {
    const translate = createMessageTranslator(await getLocale());
    const bad = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'kind');
      bad.add(field);
      (errors[field] ??= []).push(translateIssue(translate, issue, raw));
    }
    const retry = auditFiltersSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
    if (retry.success) filters = retry.data;
  }
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
