/**
 * Cell values for spreadsheets. Text that a spreadsheet would run as a formula (starting with `=`,
 * `+`, `-`, `@`, tab or carriage return — OWASP's "CSV injection" list) gets a leading apostrophe,
 * which Excel, LibreOffice and Google Sheets show as text. Numbers are written plainly: no thousands
 * separators, `.` as the decimal point, at most two decimals.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function textCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function numberCell(value: number): string {
  if (!Number.isFinite(value)) return "";
  const rounded = Math.round((value + Number.EPSILON) * 100) / 100;
  // toFixed never uses exponent notation below 1e21 and never adds separators.
  return rounded.toFixed(2).replace(/\.?0+$/, "") || "0";
}
