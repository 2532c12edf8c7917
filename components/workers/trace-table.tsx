'use client';
// The trace's fixes as a table, a page at a time (a trace can hold thousands of fixes).
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Table, TableCaption, TableContainer, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { DateTime } from '@/components/ui/time';
import type { Trace } from '@/lib/api/workers';
import { formatNumber, formatPercent } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';

const STEP = 200;

export function TraceTable({ fixes }: { fixes: Trace['fixes'] }) {
  const { t, lang } = useText();
  const p = t.pages.trace;
  const [shown, setShown] = useState(STEP);
  return (
    <div>
      <TableContainer className="max-h-80 overflow-y-auto">
        <Table>
          <TableCaption className="sr-only">{p.caption}</TableCaption>
          <THead>
            <tr>
              <Th>{p.columns.time}</Th>
              <Th>{p.columns.place}</Th>
              <Th className="text-right">{p.columns.accuracy}</Th>
              <Th className="text-right">{p.columns.speed}</Th>
              <Th className="text-right">{p.columns.battery}</Th>
            </tr>
          </THead>
          <TBody>
            {fixes.slice(0, shown).map((f) => (
              <Tr key={f.time}>
                <Td className="whitespace-nowrap tabular-nums">
                  <DateTime value={f.time} withSeconds />
                </Td>
                <Td className="whitespace-nowrap tabular-nums">
                  {f.lat.toFixed(5)}, {f.lon.toFixed(5)}
                </Td>
                <Td numeric>{formatNumber(lang, Math.round(f.accuracy))}</Td>
                <Td numeric>
                  {f.speed === null
                    ? t.common.dash
                    : formatNumber(lang, f.speed * 3.6, { maximumFractionDigits: 0 })}
                </Td>
                <Td numeric>
                  {f.battery === null ? t.common.dash : formatPercent(lang, f.battery / 100, 0)}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </TableContainer>
      {fixes.length > shown ? (
        <Button size="sm" className="mt-2" onClick={() => setShown((n) => n + STEP)}>
          {t.common.showMore} ({formatNumber(lang, fixes.length - shown)})
        </Button>
      ) : null}
    </div>
  );
}
