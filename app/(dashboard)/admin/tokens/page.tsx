import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CreateTokenForm } from '@/components/admin/tokens/create-token-form';
import { TokensTable } from '@/components/admin/tokens/tokens-table';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { requirePermission } from '@/server/auth/require-permission';
import { getAdminApiTokens } from '@/server/data/admin';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminTokens');
  return { title: t('title') };
}

/** Admin: the API tokens; create one (shown once), revoke one. */
export default async function AdminTokensPage() {
  await requirePermission('tokens.manage', { returnTo: '/admin/tokens' });
  const [{ tokens, instances, callerInstanceId, timeZone }, t] = await Promise.all([getAdminApiTokens(), getTranslations('adminTokens')]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <Panel id="create-token-heading" title={t('createTitle')}>
        <CreateTokenForm instances={instances} callerInstanceId={callerInstanceId} />
      </Panel>
      <Panel id="tokens-heading" title={t('listTitle')}>
        <TokensTable tokens={tokens} timeZone={timeZone} />
      </Panel>
    </div>
  );
}
