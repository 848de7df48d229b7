import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/i18n/format';
import type { AdminApiToken } from '@/server/data/admin';
import { RevokeTokenForm } from './revoke-token-form';
import { ScrollRegion } from '@/components/ui/scroll-region';

/** The API tokens: name, role, instance, first characters, when made and last used, when they expire, and whether they work. */
export async function TokensTable({ tokens, timeZone }: { tokens: AdminApiToken[]; timeZone: string }) {
  const [t, tUsers, tRoles, locale] = await Promise.all([getTranslations('adminTokens'), getTranslations('adminUsers'), getTranslations('common.roles'), getLocale()]);
  if (tokens.length === 0) return <p className="text-sm text-muted">{t('none')}</p>;
  const when = (iso: string) => (
    <time dateTime={iso} title={iso} className="whitespace-nowrap">
      {formatDateTime(locale, iso, timeZone)}
    </time>
  );
  return (
    <ScrollRegion labelledBy="tokens-caption">
      <table className="w-full min-w-[68rem] border-collapse text-left text-sm">
        <caption id="tokens-caption" className="sr-only">
          {t('listCaption')}
        </caption>
        <thead>
          <tr className="border-b border-line text-xs tracking-wide text-muted uppercase">
            {(['name', 'role', 'instance', 'hint', 'created', 'lastUsed', 'expires', 'state', 'actions'] as const).map((c) => (
              <th key={c} scope="col" className="py-2 pr-4 font-medium last:pr-0">
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-b border-line align-top last:border-0" data-token-name={token.name}>
              <th scope="row" className="py-3 pr-4 text-left font-medium break-words text-ink">
                {token.name}
              </th>
              <td className="py-3 pr-4">{tRoles(token.role)}</td>
              <td className="py-3 pr-4">
                {token.instance === null ? tUsers('allInstancesShort') : (token.instance.name ?? tUsers('goneInstance', { id: token.instance.id }))}
              </td>
              <td className="py-3 pr-4">
                <code className="text-xs text-muted">{token.hint}…</code>
              </td>
              <td className="py-3 pr-4 text-muted">
                {when(token.createdAt)}
                <span className="block text-xs [overflow-wrap:anywhere]">{t('createdBy', { by: token.createdBy })}</span>
              </td>
              <td className="py-3 pr-4 text-muted">{token.lastUsedAt ? when(token.lastUsedAt) : t('neverUsed')}</td>
              <td className="py-3 pr-4 text-muted">{when(token.expiresAt)}</td>
              <td className="py-3 pr-4">
                {token.revokedAt ? (
                  <span className="rounded-full bg-danger/10 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-danger ring-1 ring-danger/30 ring-inset">
                    {t('revoked', { date: formatDateTime(locale, token.revokedAt, timeZone) })}
                  </span>
                ) : token.state === 'active' ? (
                  <span className="rounded-full bg-ok/10 px-2 py-0.5 text-xs font-medium text-ok ring-1 ring-ok/30 ring-inset">{t('active')}</span>
                ) : (
                  <span className="rounded-full bg-danger/10 px-2 py-0.5 text-xs font-medium text-danger ring-1 ring-danger/30 ring-inset">
                    {t(token.state === 'expired' ? 'expired' : 'creatorLostAccess')}
                  </span>
                )}
              </td>
              <td className="py-3">{token.revokedAt ? null : <RevokeTokenForm tokenId={token.id} name={token.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
