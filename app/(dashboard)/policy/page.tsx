import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ConditionsTable, NotDueList, PolicyRecordHeader, RemovalRule } from '@/components/policy/policy-sections';
import { PolicyTable } from '@/components/policy/policy-table';
import { buttonClass } from '@/components/ui/button-styles';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { requirePermission } from '@/server/auth/require-permission';
import { getPolicy } from '@/server/data/policy';

// Computed from the settings in force on every request: never prerendered.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('policy');
  return { title: t('title') };
}

/**
 * The retention policy: the source document's overview table computed from the settings in
 * force, the removal rule and the deletion conditions, dated for a data-protection officer's
 * records, with the same rows as CSV (GET /api/v1/policy?format=csv).
 */
export default async function PolicyPage() {
  await requirePermission('policy.read', { returnTo: '/policy' });
  const [policy, t] = await Promise.all([getPolicy(), getTranslations('policy')]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')}>
        <div className="max-w-sm space-y-2">
          <div className="flex flex-wrap gap-2">
            <a href="/api/v1/policy?format=csv" download className={buttonClass('primary')} data-testid="policy-csv">
              {t('downloadCsv')}
            </a>
            <a href="/api/v1/policy?format=csv&table=conditions" download className={buttonClass('secondary')}>
              {t('downloadConditionsCsv')}
            </a>
          </div>
          <p className="text-xs text-muted">{t('csvHint')}</p>
        </div>
      </PageHeader>
      <Panel id="policy-record-heading" title={t('recordTitle')} description={t('recordDescription')}>
        <PolicyRecordHeader policy={policy} timeZone={policy.timeZone} />
      </Panel>
      <Panel id="policy-table-heading" title={t('tableTitle')} description={t('tableDescription')}>
        <PolicyTable rows={policy.categories} />
      </Panel>
      <Panel id="policy-removal-heading" title={t('removalTitle')}>
        <RemovalRule removal={policy.removal} />
      </Panel>
      <Panel id="policy-conditions-heading" title={t('conditionsTitle')} description={t('conditionsDescription')}>
        <div className="space-y-5">
          <ConditionsTable conditions={policy.conditions} />
          <p className="text-sm text-muted">{t('noafvln')}</p>
          <section aria-labelledby="policy-not-due-heading" className="space-y-2">
            <h3 id="policy-not-due-heading" className="text-base font-semibold text-ink">
              {t('notDueTitle')}
            </h3>
            <p className="text-sm text-muted">{t('notDueDescription')}</p>
            <NotDueList codes={policy.notDueReasons} />
          </section>
        </div>
      </Panel>
    </div>
  );
}
