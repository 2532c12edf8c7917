import { describe, expect, it } from 'vitest';
import { csvSeparator, escapeCsvCell, streamCsv, toCsvLine } from './csv';

describe('escapeCsvCell', () => {
  it.each([
    ['a;b', '"a;b"'],
    ['Иванов, =1+1', `"'Иванов, =1+1"`],
    ['x;@SUM(A1)', `"'x;@SUM(A1)"`],
    ['a,-2+3', `"'a,-2+3"`],
    ['a;  +cmd', `"'a;  +cmd"`],
    ['a\t=1', `'a\t=1`],
    ['\tlead', `'\tlead`],
    ['\rlead', `"'\rlead"`],
    ['Москва, ул. Тверская, д. 7', '"Москва, ул. Тверская, д. 7"'],
  ])('%j -> %j', (input, output) => {
    expect(escapeCsvCell(input)).toBe(output);
  });
});

describe('separators', () => {
  it('joins with the chosen separator and reads the query value', () => {
    expect(toCsvLine(['a', 'b;c', 1], ';')).toBe('a;"b;c";1\r\n');
    expect(csvSeparator('semicolon')).toBe(';');
    expect(csvSeparator('comma')).toBe(',');
    expect(csvSeparator(undefined)).toBe(',');
  });

  it('starts the file with a UTF-8 byte-order mark', async () => {
    const res = streamCsv(['Имя', 'n'], async () => ({ rows: [['Каримов', 1]], next: null }), 'x.csv', ';');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFFИмя;n\r\nКаримов;1\r\n');
  });
});
