// The product mark at the top of the navigation.
import Link from 'next/link';
import { ShieldCheck } from 'lucide-react';

export function Brand({ name, href }: { name: string; href: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 rounded-md px-2 py-1 text-white">
      <ShieldCheck aria-hidden="true" className="size-6 shrink-0 text-sky-300" />
      <span className="text-[15px] leading-tight font-semibold">{name}</span>
    </Link>
  );
}
