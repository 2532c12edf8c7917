// CSV exports: RFC 4180 quoting, and cells that a spreadsheet would run as a formula are defused.
import 'server-only';

export type CsvCell = string | number | boolean | null | undefined | Date;

// A leading = @ tab or CR, or + / - not followed by a plain number, makes Excel evaluate the cell.
const FORMULA_START = /^(?:[=@\t\r]|[+-](?!\d[\d\s().-]*$))/;

export function escapeCsvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(escapeCsvCell).join(',')}\r\n`;
}

/**
 * Streams a header row and then rows fetched page by page, so a large export never sits in memory.
 * `nextPage` returns rows after the given cursor and the cursor for the following page.
 */
export function streamCsv<C>(
  header: readonly string[],
  nextPage: (cursor: C | null) => Promise<{ rows: CsvCell[][]; next: C | null }>,
  filename: string,
): Response {
  const encoder = new TextEncoder();
  let cursor: C | null = null;
  let started = false;
  let finished = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(toCsvLine(header)));
        return;
      }
      if (finished) {
        controller.close();
        return;
      }
      try {
        const page = await nextPage(cursor);
        if (page.rows.length > 0) controller.enqueue(encoder.encode(page.rows.map(toCsvLine).join('')));
        cursor = page.next;
        if (page.next === null) finished = true;
      } catch (error) {
        console.error(`[csv] export failed: ${error instanceof Error ? error.name : typeof error}`);
        controller.error(error);
      }
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}

/** A dated filename such as workers-2025-11-24.csv. */
export function csvFilename(stem: string, now = new Date()): string {
  return `${stem}-${now.toISOString().slice(0, 10)}.csv`;
}
