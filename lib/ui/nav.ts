// Which pages each role sees in the left navigation. Pure so it can be tested; the pages and API
// enforce the same rules on their own, this only keeps people from links that would answer 403.
import type { OfficerRole } from '@/lib/domain/types';

export type NavKey = 'map' | 'lapses' | 'workers' | 'reports' | 'audit' | 'admin' | 'apiDocs';

export interface NavItem {
  key: NavKey;
  href: string;
  roles: readonly OfficerRole[];
}

/** The readable page for the OpenAPI document at /api/v1/openapi.json. */
export const API_DOCS_HREF = '/api-docs';

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'map', href: '/', roles: ['officer', 'supervisor'] },
  { key: 'lapses', href: '/lapses', roles: ['officer', 'supervisor'] },
  { key: 'workers', href: '/workers', roles: ['officer', 'supervisor'] },
  { key: 'reports', href: '/reports', roles: ['officer', 'supervisor', 'auditor'] },
  { key: 'audit', href: '/audit', roles: ['auditor', 'admin'] },
  { key: 'admin', href: '/admin', roles: ['admin'] },
  // Developers' reference: out of the officers' way, kept for the admin who wires up integrations.
  { key: 'apiDocs', href: API_DOCS_HREF, roles: ['admin'] },
];

export function navItemsFor(role: OfficerRole): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

export function canSee(role: OfficerRole, key: NavKey): boolean {
  return NAV_ITEMS.some((item) => item.key === key && item.roles.includes(role));
}

const LANDING: Record<OfficerRole, NavKey> = {
  officer: 'map',
  supervisor: 'map',
  auditor: 'audit',
  admin: 'admin',
};

/** The start page of a role: the map for officers and supervisors, their own tool otherwise. */
export function homeFor(role: OfficerRole): string {
  return NAV_ITEMS.find((item) => item.key === LANDING[role])?.href ?? '/';
}

/** Whether `pathname` is inside the section `href` ('/' matches only itself). */
export function isActivePath(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}
