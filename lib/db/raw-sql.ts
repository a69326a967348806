import { getDbAdapter, getDbProvider } from "./get-db";
import type { SqlAdapter } from "./shared-adapter";
import type { DatabaseProvider } from "./database-url";

/**
 * Raw parameterised SQL straight to the driver adapter, for the grading burst's hot path only
 * (issue 9 point 6). Prisma 6.19's client engine compiles every call in its wasm query compiler,
 * ≈ 1 ms of the web thread's CPU per query whatever the SQL; `$queryRaw` goes through the same
 * compiler, so these statements skip the client and call the adapter Prisma itself uses
 * (lib/db/shared-adapter.ts). Everything else stays on Prisma.
 *
 * Values are written exactly as Prisma writes them, so Prisma reads the rows back unchanged: the
 * adapter's own argument mapping does it when each argument carries its Prisma scalar type
 * (a Date → "…T…+00:00" text on SQLite, timestamp(3) on PostgreSQL; a boolean → 1/0 on SQLite;
 * JSON as its JSON.stringify text).
 */

export type RawQueryable = Pick<SqlAdapter, "queryRaw" | "executeRaw">;
export type RawValue = string | number | boolean | Date | null;
type ScalarType = "string" | "int" | "float" | "boolean" | "datetime" | "json";

/** One statement's parameters in the dialect's placeholder syntax (`?` on SQLite, `$n` on PostgreSQL). */
export class RawParams {
  readonly args: unknown[] = [];
  readonly argTypes: { scalarType: ScalarType; arity: "scalar" }[] = [];
  constructor(readonly provider: DatabaseProvider) {}

  /** Adds a value; returns its placeholder. */
  add(value: RawValue, scalarType: ScalarType = scalarTypeOf(value)): string {
    this.args.push(value);
    this.argTypes.push({ scalarType, arity: "scalar" });
    return this.provider === "sqlite" ? "?" : `$${this.args.length}`;
  }

  /** A JSON value (null stays SQL NULL, as Prisma's `undefined`/`null` for an optional Json field is not used here). */
  json(value: object | null): string {
    return this.add(value === null ? null : JSON.stringify(value), "json");
  }

  /** `(?, ?, …)` for an IN list. */
  list(values: readonly RawValue[]): string {
    return `(${values.map((value) => this.add(value)).join(", ")})`;
  }
}

function scalarTypeOf(value: RawValue): ScalarType {
  if (value instanceof Date) return "datetime";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return "string";
}

export function rawParams(): RawParams {
  return new RawParams(getDbProvider());
}

export type RawRow = Record<string, unknown>;

/** Runs a statement that returns rows (SELECT, or … RETURNING); rows as objects by column name. */
export async function rawQuery(sql: string, params: RawParams, db?: RawQueryable): Promise<RawRow[]> {
  const target = db ?? (await getDbAdapter());
  const result = await target.queryRaw({ sql, args: params.args, argTypes: params.argTypes });
  return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, i) => [name, row[i]])));
}

/** Runs a statement; returns the number of rows it changed. */
export async function rawExecute(sql: string, params: RawParams, db?: RawQueryable): Promise<number> {
  const target = db ?? (await getDbAdapter());
  return target.executeRaw({ sql, args: params.args, argTypes: params.argTypes });
}

/*
 * Reading values back. The adapters return SQLite integers as strings (better-sqlite3 in safe
 * integer mode) and booleans as "1"/"0"; PostgreSQL gives numbers and booleans. Dates are text on
 * both ("…T…+00:00"), JSON is its text.
 */
export const readValue = {
  string: (value: unknown): string => String(value),
  stringOrNull: (value: unknown): string | null => (value === null || value === undefined ? null : String(value)),
  int: (value: unknown): number => Number(value),
  number: (value: unknown): number => Number(value),
  numberOrNull: (value: unknown): number | null => (value === null || value === undefined ? null : Number(value)),
  booleanOrNull: (value: unknown): boolean | null =>
    value === null || value === undefined ? null : value === true || value === 1 || value === "1" || value === "true",
  boolean: (value: unknown): boolean => value === true || value === 1 || value === "1" || value === "true",
  date: (value: unknown): Date => toDate(value),
  dateOrNull: (value: unknown): Date | null => (value === null || value === undefined ? null : toDate(value)),
  jsonOrNull: (value: unknown): unknown =>
    value === null || value === undefined ? null : typeof value === "string" ? JSON.parse(value) : value,
};

function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number") return new Date(value);
  const text = String(value);
  // SQLite's CURRENT_TIMESTAMP default ("YYYY-MM-DD HH:MM:SS") is UTC without a zone.
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
}

/** A double-quoted identifier list, e.g. `"id", "status"`. */
export function columnList(columns: readonly string[], alias?: string): string {
  return columns.map((column) => (alias ? `${alias}."${column}"` : `"${column}"`)).join(", ");
}
