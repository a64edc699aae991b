// BP3MI's own codes, as its register (a SISKOP2MI export) writes them, and what each means in
// the federation's schema. The tables are data: a code missing here is reported, never guessed.

/** Status of a placement (`status.kode`), in BP3MI's numbering. */
export const PLACEMENT_STATUS = {
  "01": { label: "Terdaftar", schema: "REGISTERED" },
  "02": { label: "Siap berangkat (OPP selesai)", schema: "READY_TO_DEPART" },
  "03": { label: "Bekerja di negara penempatan", schema: "WORKING_ABROAD" },
  "04": { label: "Pulang, perjanjian kerja selesai", schema: "RETURNED" },
  "05": { label: "PMI bermasalah, sedang ditangani", schema: "IN_DISTRESS" },
  "06": { label: "Dipulangkan (repatriasi)", schema: "REPATRIATED" },
  "09": { label: "Batal berangkat", schema: "CANCELLED" },
} as const;
export type PlacementStatusCode = keyof typeof PLACEMENT_STATUS;
export type PlacementStatus = (typeof PLACEMENT_STATUS)[PlacementStatusCode]["schema"];

/** Placement country (`penempatan.kode_negara`): BP3MI's abbreviations, to ISO 3166-1 alpha-2. */
export const DESTINATION = {
  MAL: { label: "Malaysia", iso: "MY" },
  BRU: { label: "Brunei Darussalam", iso: "BN" },
  SIN: { label: "Singapura", iso: "SG" },
  HKG: { label: "Hong Kong", iso: "HK" },
  TWN: { label: "Taiwan", iso: "TW" },
  RRT: { label: "Republik Rakyat Tiongkok", iso: "CN" },
  JPG: { label: "Jepang", iso: "JP" },
  KSA: { label: "Arab Saudi", iso: "SA" },
  PEA: { label: "Persatuan Emirat Arab", iso: "AE" },
  KAM: { label: "Kamboja", iso: "KH" },
  THA: { label: "Thailand", iso: "TH" },
  MYA: { label: "Myanmar", iso: "MM" },
  LAO: { label: "Laos", iso: "LA" },
  FIL: { label: "Filipina", iso: "PH" },
  JER: { label: "Jerman", iso: "DE" },
} as const;
export type DestinationCode = keyof typeof DESTINATION;

/** Route of a placement (`jalur`): through the procedure (licensed P3MI, ID PMI) or not. */
export const ROUTE = { P: "procedural", NP: "non-procedural" } as const;
export type RouteCode = keyof typeof ROUTE;

/** Work sector (`penempatan.sektor`): formal (company employer) or informal (household). */
export const SECTOR = { F: "FORMAL", I: "INFORMAL" } as const;
export type SectorCode = keyof typeof SECTOR;

/** Status of a P3MI company's licence (`status_izin`). */
export const LICENCE_STATUS = {
  AKTIF: { label: "Izin berlaku", schema: "ACTIVE" },
  BEKU: { label: "Izin dibekukan", schema: "SUSPENDED" },
  CABUT: { label: "Izin dicabut", schema: "REVOKED" },
  HABIS: { label: "Masa berlaku habis", schema: "EXPIRED" },
} as const;
export type LicenceStatusCode = keyof typeof LICENCE_STATUS;
export type LicenceStatus = (typeof LICENCE_STATUS)[LicenceStatusCode]["schema"];

/** The code in `table` whose `pick` value is `value` (the reverse mapping, for the demo data). */
export function codeFor<K extends string, T extends Record<string, Record<K, unknown>>>(table: T, pick: K, value: T[keyof T][K]): keyof T & string {
  const code = Object.keys(table).find((k) => table[k]![pick] === value);
  if (code === undefined) throw new Error(`no BP3MI code for ${String(pick)} ${String(value)}`);
  return code;
}

/** The entry for `code`, or an error naming the table and the code (a register value the adapter does not know). */
export function lookup<T extends Record<string, unknown>>(table: T, name: string, code: string): T[keyof T] {
  if (!Object.hasOwn(table, code)) throw new UnknownCodeError(name, code);
  return table[code as keyof T];
}

export class UnknownCodeError extends Error {
  constructor(
    readonly table: string,
    readonly code: string,
  ) {
    super(`BP3MI register: unknown ${table} code "${code}" (examples/bp3mi/codes.ts)`);
  }
}
