import { stringify } from "csv-stringify/sync";

/**
 * RFC 4180 CSV as bytes: UTF-8 with a byte-order mark (so Excel reads Chinese names as UTF-8),
 * CRLF line ends, quotes only where needed (csv-stringify does the quoting). Callers pass cells
 * already made safe with csv-cells.ts.
 */
export function writeCsv(rows: string[][]): Uint8Array {
  const text = stringify(rows, { bom: true, record_delimiter: "windows", quoted_empty: false });
  return new TextEncoder().encode(text);
}
