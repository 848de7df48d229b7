'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isNavItemActive } from './nav-items';

export type NavLink = { href: string; label: string };
export type NavGroup = { id: string; label: string; links: NavLink[] };

/** The dashboard's navigation: only the entries the signed-in role may use, the current page marked. */
export function MainNav({ label, groups, idPrefix }: { label: string; groups: NavGroup[]; idPrefix: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <div className="space-y-6">
        {groups.map((group) => {
          const headingId = `${idPrefix}-${group.id}`;
          return (
            <div key={group.id}>
              <h2 id={headingId} className="px-3 text-xs font-semibold tracking-wide text-muted uppercase">
                {group.label}
              </h2>
              <ul aria-labelledby={headingId} className="mt-2 space-y-0.5">
                {group.links.map((link) => {
                  const isActive = isNavItemActive(link, pathname);
                  return (
                    <li key={link.href}>
                      <Link
                        href={link.href}
                        aria-current={isActive ? 'page' : undefined}
                        className={`block rounded-md px-3 py-2 text-sm font-medium ${
                          isActive ? 'bg-brand-soft text-brand' : 'text-ink hover:bg-surface hover:text-brand'
                        }`}
                      >
                        {link.label}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>
    </nav>
  );
}
