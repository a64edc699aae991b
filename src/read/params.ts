// Bind parameters of one compiled statement. Values always go in as typed parameters: lists as
// one array parameter (`= ANY($1::text[])`), so the statement text does not change with a list's
// length and PostgreSQL and the driver see few distinct statements.
import { q, type ScalarField } from "./model";

const BASE: Record<string, string> = { String: "text", Int: "int4", BigInt: "int8", Boolean: "bool", Float: "float8" };

/** PostgreSQL type of a column (without []). DateTime values are bound as ISO text, see `bind`. */
export function sqlType(f: ScalarField): string {
  if (f.kind === "enum") return q(f.type);
  if (f.type === "DateTime") return "timestamptz";
  const t = BASE[f.type];
  if (!t) throw new Unsupported(`column type ${f.type}`);
  return t;
}

/** A query shape the compiler does not handle: the caller keeps it on Prisma. */
export class Unsupported extends Error {
  constructor(what: string) {
    super(`read compiler: unsupported ${what}`);
    this.name = "Unsupported";
  }
}

export class Params {
  readonly values: unknown[] = [];

  /** A placeholder for `value` cast to the column's type (`[]` for an array of them). */
  bind(value: unknown, f: ScalarField, array = false): string {
    const type = sqlType(f);
    const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === "bigint" ? v.toString() : v);
    this.values.push(Array.isArray(value) ? value.map(norm) : norm(value));
    const p = `$${this.values.length}::${type}${array ? "[]" : ""}`;
    // Prisma stores DateTime as UTC `timestamp(3)`: compare in UTC whatever the session zone.
    if (f.type === "DateTime") return array ? p : `(${p} AT TIME ZONE 'UTC')`;
    return p;
  }

  raw(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
