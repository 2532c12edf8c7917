'use client';
// A chart with its words: a title, a description read by screen readers in place of the drawing,
// and the same numbers as a table behind a disclosure.
import { useId, type ReactNode } from 'react';
import { Table, TableCaption, TableContainer, TBody, Td, Th, THead } from '@/components/ui/table';
import { useText } from '@/lib/i18n/client';

export interface ChartTable {
  columns: string[];
  rows: Array<{ key: string; label: string; values: string[] }>;
}

export function ChartCard({
  title,
  description,
  chart,
  table,
  className,
}: {
  title: string;
  description: string;
  chart: ReactNode;
  table: ChartTable;
  className?: string;
}) {
  const { t, fill } = useText();
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className={`flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 ${className ?? ''}`}
    >
      <h3 id={titleId} className="text-base font-semibold text-slate-900">
        {title}
      </h3>
      <div role="img" aria-label={`${title}. ${description}`} className="h-72 w-full min-w-0">
        {chart}
      </div>
      <details className="text-sm">
        <summary className="w-fit rounded text-blue-800 underline">{t.pages.reports.showTable}</summary>
        <TableContainer className="mt-2 max-h-80 overflow-y-auto">
          <Table>
            <TableCaption className="sr-only">{fill(t.pages.reports.tableCaption, { title })}</TableCaption>
            <THead>
              <tr>
                {table.columns.map((c, i) => (
                  <Th key={c} className={i === 0 ? undefined : 'text-right'}>
                    {c}
                  </Th>
                ))}
              </tr>
            </THead>
            <TBody>
              {table.rows.map((r) => (
                <tr key={r.key}>
                  <Th scope="row" className="font-medium text-slate-800">
                    {r.label}
                  </Th>
                  {r.values.map((v, i) => (
                    <Td key={i} numeric>
                      {v}
                    </Td>
                  ))}
                </tr>
              ))}
            </TBody>
          </Table>
        </TableContainer>
      </details>
    </section>
  );
}
