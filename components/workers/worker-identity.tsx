'use client';
// Who the worker is: both name forms, citizenship, document, birth date, phone, employer, sector.
import { DateTime } from '@/components/ui/time';
import type { WorkerDetail } from '@/lib/api/workers';
import { formatDate } from '@/lib/format/date';
import { useT } from '@/lib/i18n/client';
import { DescriptionList, Item } from '@/components/shared/description-list';
import { citizenshipLabel, sectorLabel } from '@/components/shared/labels';

export function WorkerIdentity({ worker }: { worker: WorkerDetail }) {
  const t = useT();
  const p = t.pages.worker;
  const none = <span className="text-slate-600">{t.common.notSet}</span>;
  return (
    <section
      aria-labelledby="worker-identity-title"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="worker-identity-title" className="mb-3 text-base font-semibold text-slate-900">
        {p.identity}
      </h2>
      <DescriptionList>
        <Item label={p.nameCyrillic}>
          <span lang="ru">{worker.fullNameCyrillic ?? none}</span>
        </Item>
        <Item label={p.nameLatin}>
          <span translate="no">{worker.fullNameLatin}</span>
        </Item>
        <Item label={p.citizenship}>{citizenshipLabel(t, worker.citizenship)}</Item>
        <Item label={p.document}>
          <span className="tabular-nums">{worker.documentNumber}</span>
        </Item>
        <Item label={p.birthDate}>
          <span className="tabular-nums">{formatBirthDate(worker.birthDate)}</span>
        </Item>
        <Item label={p.phone}>
          <span className="tabular-nums">{worker.phone}</span>
        </Item>
        <Item label={p.employer}>
          {worker.employer ? <span translate="no">{worker.employer}</span> : none}
        </Item>
        <Item label={p.sector}>{worker.sector ? sectorLabel(t, worker.sector) : none}</Item>
        <Item label={p.enrolledAt}>
          <DateTime value={worker.enrolledAt} />
        </Item>
      </DescriptionList>
    </section>
  );
}

/** A birth date is a calendar date, not an instant: show 'yyyy-MM-dd' as 'dd.MM.yyyy' without zones. */
function formatBirthDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : formatDate(value);
}
