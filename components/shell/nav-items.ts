import { hasPermission, type Permission, type UserRole } from '@/lib/auth/permissions';

/*
 * The dashboard's screens and the permission each needs. The navigation shows a role only the
 * entries whose permission it has (the role table of lib/auth/permissions.ts); each page asks
 * for the same permission itself, so a hidden entry is also a refused page.
 */

export type NavKey = 'overview' | 'settings' | 'policy' | 'reports' | 'cleanup' | 'selections' | 'actors' | 'users' | 'tokens' | 'audit' | 'accessLog';

export type NavItem = { key: NavKey; href: string; permission: Permission; group: 'retention' | 'administration' };

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'overview', href: '/', permission: 'settings.read', group: 'retention' },
  { key: 'settings', href: '/settings', permission: 'settings.read', group: 'retention' },
  { key: 'policy', href: '/policy', permission: 'policy.read', group: 'retention' },
  { key: 'reports', href: '/reports', permission: 'reports.read', group: 'retention' },
  { key: 'cleanup', href: '/cleanup', permission: 'cleanup.read', group: 'retention' },
  { key: 'selections', href: '/selections', permission: 'selection.read', group: 'retention' },
  { key: 'actors', href: '/actors', permission: 'actor.lookup', group: 'retention' },
  { key: 'users', href: '/admin/users', permission: 'users.manage', group: 'administration' },
  { key: 'tokens', href: '/admin/tokens', permission: 'tokens.manage', group: 'administration' },
  { key: 'audit', href: '/admin/audit', permission: 'logs.read', group: 'administration' },
  { key: 'accessLog', href: '/admin/access-log', permission: 'logs.read', group: 'administration' },
];

/** The entries a role may use, in navigation order. */
export function navItemsFor(role: UserRole): NavItem[] {
  return NAV_ITEMS.filter((item) => hasPermission(role, item.permission));
}

/** Where a role lands after signing in: its first screen (support: the actor lookup). */
export function landingPathFor(role: UserRole): string {
  return navItemsFor(role)[0]?.href ?? '/forbidden';
}

/** True when `pathname` is the entry's page or one below it (`/actors/1001` is under Actors). */
export function isNavItemActive(item: Pick<NavItem, 'href'>, pathname: string): boolean {
  if (item.href === '/') return pathname === '/';
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}
