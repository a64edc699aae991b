// Named maskers. A masked field still returns a value of its own GraphQL type (or null), so
// clients need no special casing; the response's `extensions.masked` lists which paths were masked.

type Row = Record<string, unknown>;
export type Masker = (value: unknown, row: Row) => unknown;

const keepEnds = (s: string, head: number, tail: number) =>
  s.length <= head + tail ? "*".repeat(s.length) : s.slice(0, head) + "*".repeat(s.length - head - tail) + s.slice(s.length - tail);

const initials = (s: string) =>
  s
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0]!.toUpperCase()}.`)
    .join(" ");

const eachString = (f: (s: string) => string): Masker => (v) =>
  typeof v === "string" ? f(v) : Array.isArray(v) ? v.map((x) => (typeof x === "string" ? f(x) : null)) : null;

const DEFINITIONS = {
  /** NIK: first 6 digits (kecamatan of registration) and last 2 kept: 610321********01. */
  nik: eachString((s) => keepEnds(s, 6, 2)),
  /** Any identity document number: NIK as above, other documents keep first and last 2 characters. */
  documentNumber: (v, row) => (typeof v !== "string" ? null : (row.type ?? row.documentType) === "NIK" ? keepEnds(v, 6, 2) : keepEnds(v, 2, 2)),
  /** Names as initials: "Siti Rahmawati" -> "S. R."; lists masked element by element. */
  initials: eachString(initials),
  /** A date reduced to its year, returned as 1 January of that year. */
  year: (v) => (v instanceof Date ? new Date(Date.UTC(v.getUTCFullYear(), 0, 1)) : null),
  /** Phone numbers keep the last 2 digits. */
  phone: eachString((s) => keepEnds(s.replace(/\s+/g, ""), 0, 2)),
  /** Email keeps the first character and the domain. */
  email: eachString((s) => {
    const at = s.indexOf("@");
    return at < 1 ? "***" : `${s[0]}***${s.slice(at)}`;
  }),
  /** Withheld entirely (free text, addresses): null. */
  withhold: () => null,
} as const satisfies Record<string, Masker>;

export type MaskerName = keyof typeof DEFINITIONS;
export const MASKERS: Readonly<Record<MaskerName, Masker>> = DEFINITIONS;
export const isMaskerName = (n: string): n is MaskerName => Object.prototype.hasOwnProperty.call(MASKERS, n);
