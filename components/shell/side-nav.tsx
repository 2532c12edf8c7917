'use client';
// Left navigation: only the sections the officer's role may use; the current one is marked for
// screen readers (aria-current) and visually.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import {
  BookOpenText,
  ChartColumn,
  ListChecks,
  Map as MapIcon,
  ScrollText,
  ShieldUser,
  Users,
  type LucideIcon,
} from 'lucide-react';
import type { OfficerRole } from '@/lib/domain/types';
import { useT } from '@/lib/i18n/client';
import { cn } from '@/lib/ui/cn';
import { isActivePath, navItemsFor, type NavKey } from '@/lib/ui/nav';

const ICONS: Record<NavKey, LucideIcon> = {
  map: MapIcon,
  lapses: ListChecks,
  workers: Users,
  reports: ChartColumn,
  audit: ScrollText,
  admin: ShieldUser,
  apiDocs: BookOpenText,
};

export function SideNav({ role }: { role: OfficerRole }) {
  const t = useT();
  const pathname = usePathname();
  const items = navItemsFor(role);
  const main = items.filter((item) => item.key !== 'apiDocs');
  const docs = items.find((item) => item.key === 'apiDocs');

  const renderItem = (key: NavKey, href: string) => {
    const Icon = ICONS[key];
    const active = isActivePath(pathname, href);
    return (
      <li key={key}>
        <Link
          href={href}
          aria-current={active ? 'page' : undefined}
          prefetch={key === 'apiDocs' ? false : undefined}
          className={cn(
            'flex items-center gap-2.5 rounded-md px-2.5 py-2 text-sm font-medium transition-colors',
            active ? 'bg-white/15 text-white' : 'text-slate-300 hover:bg-white/10 hover:text-white',
          )}
        >
          <Icon aria-hidden="true" className="size-4 shrink-0" />
          <span className="min-w-0 break-words">{t.nav[key]}</span>
        </Link>
      </li>
    );
  };

  return (
    <nav
      aria-label={t.nav.label}
      className="focus-light flex min-h-0 flex-1 flex-col gap-1 overflow-y-auto px-2 py-3"
    >
      <ul className="flex flex-col gap-0.5">{main.map((item) => renderItem(item.key, item.href))}</ul>
      {docs ? (
        <ul className="mt-auto flex flex-col gap-0.5 border-t border-white/10 pt-2">
          {renderItem(docs.key, docs.href)}
        </ul>
      ) : null}
    </nav>
  );
}
