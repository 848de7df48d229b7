import { headers } from 'next/headers';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { MainNav, type NavGroup } from '@/components/shell/main-nav';
import { MobileMenu } from '@/components/shell/mobile-menu';
import { landingPathFor, navItemsFor } from '@/components/shell/nav-items';
import { UserBadge } from '@/components/shell/user-badge';
import { requireDashboardCaller } from '@/server/auth/require-permission';
import { REQUEST_PATH_HEADER } from '@/server/request-path';

// Every screen reads the signed-in caller from the database on each request.
export const dynamic = 'force-dynamic';

/**
 * The dashboard shell: header with the product name, the signed-in user and role, the language
 * switch and sign-out; navigation with only the screens the role may use. It requires a signed-in
 * caller; each page below still asks for its own permission first thing (layouts are not
 * re-rendered on every navigation, so they are never the only check).
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // The page asked for (set by proxy.ts), to come back to after signing in.
  const returnTo = (await headers()).get(REQUEST_PATH_HEADER) ?? undefined;
  const caller = await requireDashboardCaller({ returnTo });
  const t = await getTranslations();
  const items = navItemsFor(caller.role);
  const groups: NavGroup[] = (['retention', 'administration'] as const)
    .map((group) => ({
      id: group,
      label: t(`nav.${group}`),
      links: items.filter((item) => item.group === group).map((item) => ({ href: item.href, label: t(`nav.${item.key}`) })),
    }))
    .filter((group) => group.links.length > 0);
  const name = caller.name;
  const email = caller.kind === 'user' ? caller.email : undefined;

  return (
    <div className="min-h-screen">
      <header className="relative border-b border-line bg-surface print:hidden">
        <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-3 sm:px-6">
          <div className="min-w-0">
            <Link href={landingPathFor(caller.role)} className="block text-sm leading-tight font-semibold text-brand sm:text-base">
              {t('common.productName')}
            </Link>
            <p className="hidden text-xs text-muted sm:block">{t('common.tagline')}</p>
          </div>
          <div className="ml-auto hidden items-center gap-5 lg:flex">
            <LanguageSwitch />
            <div className="h-8 w-px bg-line" aria-hidden="true" />
            <UserBadge name={name} role={caller.role} email={email} />
            <SignOutButton />
          </div>
          <div className="ml-auto lg:hidden">
            <MobileMenu label={t('nav.menu')}>
              <MainNav label={t('nav.label')} groups={groups} idPrefix="nav-mobile" />
              <div className="mt-6 space-y-4 border-t border-line pt-4">
                <UserBadge name={name} role={caller.role} email={email} />
                <LanguageSwitch />
                <SignOutButton />
              </div>
            </MobileMenu>
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl gap-8 px-4 sm:px-6 print:block print:max-w-none print:px-0">
        <aside className="hidden w-56 shrink-0 py-8 lg:block print:hidden">
          <MainNav label={t('nav.label')} groups={groups} idPrefix="nav" />
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 py-6 focus:outline-none sm:py-8 print:py-0">
          {children}
        </main>
      </div>
    </div>
  );
}
