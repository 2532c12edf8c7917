// CSV exports: RFC 4180 quoting, and cells that a spreadsheet would run as a formula are defused.
// Files start with a UTF-8 byte-order mark, without which Excel reads Cyrillic as mojibake, and can be
// separated by ';' (`sep=semicolon`), the list separator Excel expects in a Russian locale.
import 'server-only';

export type CsvCell = string | number | boolean | null | undefined | Date;
export type CsvSeparator = ',' | ';';

const BOM = '\uFEFF';

// A leading = @ tab or CR, or + / - not followed by a plain number, makes Excel evaluate the cell.
const FORMULA_START = /^(?:[=@\t\r]|[+-](?!\d[\d\s().-]*$))/;
// A spreadsheet that splits on another separator than the file's would start a new cell here.
const FORMULA_AFTER_SEPARATOR = /[,;\t]\s*[=+\-@]/;
// Either separator is quoted whichever one the file uses, so opening it either way keeps cells whole.
const NEEDS_QUOTES = /[",;\r\n]/;

export function escapeCsvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && (FORMULA_START.test(text) || FORMULA_AFTER_SEPARATOR.test(text))) {
    text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsvLine(cells: readonly CsvCell[], separator: CsvSeparator = ','): string {
  return `${cells.map(escapeCsvCell).join(separator)}\r\n`;
}

/** The `sep` query value as a separator character. */
export function csvSeparator(sep: 'comma' | 'semicolon' | undefined): CsvSeparator {
  return sep === 'semicolon' ? ';' : ',';
}

/**
 * Streams a header row and then rows fetched page by page, so a large export never sits in memory.
 * `nextPage` returns rows after the given cursor and the cursor for the following page.
 */
export function streamCsv<C>(
  header: readonly string[],
  nextPage: (cursor: C | null) => Promise<{ rows: CsvCell[][]; next: C | null }>,
  filename: string,
  separator: CsvSeparator = ',',
): Response {
  const encoder = new TextEncoder();
  let cursor: C | null = null;
  let started = false;
  let finished = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + toCsvLine(header, separator)));
        return;
      }
      if (finished) {
        controller.close();
        return;
      }
      try {
        const page = await nextPage(cursor);
        if (page.rows.length > 0)
          controller.enqueue(encoder.encode(page.rows.map((row) => toCsvLine(row, separator)).join('')));
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
