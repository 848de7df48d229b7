import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNavItemActive, landingPathFor, NAV_ITEMS, navItemsFor } from '@/components/shell/nav-items';
import type { UserRole } from '@/lib/auth/permissions';

const PROJECT = path.resolve(import.meta.dirname, '..');

describe('the navigation', () => {
  // INTERFACES.md "Roles", entry by entry, written out rather than derived from the table under test.
  const expected: Record<UserRole, string[]> = {
    manager: ['/', '/settings', '/policy', '/reports', '/cleanup', '/selections'],
    ops: ['/', '/settings', '/policy', '/reports', '/cleanup'],
    support: ['/actors'],
    admin: ['/', '/settings', '/policy', '/reports', '/cleanup', '/selections', '/actors', '/admin/users', '/admin/tokens', '/admin/audit', '/admin/access-log'],
  };

  for (const [role, hrefs] of Object.entries(expected) as [UserRole, string[]][]) {
    it(`shows ${role} exactly the screens the role may use`, () => {
      expect(navItemsFor(role).map((i) => i.href)).toEqual(hrefs);
    });
  }

  it('lands every role on its first screen (support on the actor lookup)', () => {
    expect(landingPathFor('manager')).toBe('/');
    expect(landingPathFor('ops')).toBe('/');
    expect(landingPathFor('admin')).toBe('/');
    expect(landingPathFor('support')).toBe('/actors');
  });

  it('marks the entry of the current page and the pages below it', () => {
    const actors = { href: '/actors' };
    expect(isNavItemActive(actors, '/actors')).toBe(true);
    expect(isNavItemActive(actors, '/actors/1001')).toBe(true);
    expect(isNavItemActive(actors, '/actorsx')).toBe(false);
    expect(isNavItemActive({ href: '/' }, '/')).toBe(true);
    expect(isNavItemActive({ href: '/' }, '/settings')).toBe(false);
  });

  it('has a page for every entry, which asks for the entry’s permission first thing', () => {
    for (const item of NAV_ITEMS) {
      const file = path.join(PROJECT, 'app', '(dashboard)', item.href === '/' ? '' : item.href, 'page.tsx');
      expect(fs.existsSync(file), file).toBe(true);
      const source = fs.readFileSync(file, 'utf8');
      const body = source.slice(source.indexOf('export default async function'));
      // The first awaited call of the page (after the landing redirect on `/`) is the permission check.
      expect(body, file).toContain(`await requirePermission('${item.permission}'`);
    }
  });

  it('every page of the shell asks for a permission', () => {
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === 'page.tsx') pages.push(full);
      }
    };
    walk(path.join(PROJECT, 'app', '(dashboard)'));
    expect(pages.length).toBeGreaterThanOrEqual(NAV_ITEMS.length);
    for (const page of pages) expect(fs.readFileSync(page, 'utf8'), page).toMatch(/await requirePermission\('[a-z.]+'/);
  });
});
