// The okrugs an officer may filter by: their own scope, or every okrug for supervisors and auditors.
import type { OkrugOption } from '@/lib/ui/okrug';

export function scopedOkrugs(all: OkrugOption[], scope: string[] | null): OkrugOption[] {
  return scope === null ? all : all.filter((o) => scope.includes(o.id));
}
