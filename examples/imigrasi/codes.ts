// Imigrasi's own codes, as its crossing tables hold them, and their meaning in the federation's
// schema. The tables are data: a code missing here is reported, never guessed.

/** `perlintasan.arah`: B = berangkat (leaving Indonesia), D = datang (arriving). */
export const DIRECTION = { B: "EXIT", D: "ENTRY" } as const;
export type DirectionCode = keyof typeof DIRECTION;

/** `perlintasan.jenis_dokumen`: the travel document shown at the checkpoint. */
export const TRAVEL_DOCUMENT = { PSPR: "PASSPORT", PLB: "PLB", SPLP: "SPLP" } as const;
export type TravelDocumentCode = keyof typeof TRAVEL_DOCUMENT;

/** `tpi.jenis_tpi`: kind of checkpoint (Tempat Pemeriksaan Imigrasi). */
export const CHECKPOINT_KIND = { U: "AIRPORT", L: "SEAPORT", D: "LAND_BORDER" } as const;
export type CheckpointKindCode = keyof typeof CHECKPOINT_KIND;

/** Countries as Imigrasi writes them (ISO 3166-1 alpha-3), to the hub's alpha-2. */
export const COUNTRY = {
  IDN: "ID", MYS: "MY", BRN: "BN", SGP: "SG", HKG: "HK", TWN: "TW", CHN: "CN", JPN: "JP", SAU: "SA",
  ARE: "AE", KHM: "KH", THA: "TH", MMR: "MM", LAO: "LA", PHL: "PH", DEU: "DE",
} as const;
export type CountryCode = keyof typeof COUNTRY;

/** The code in `table` that maps to `value` (the reverse mapping, for the demo data). */
export function codeOf<T extends Record<string, string>>(table: T, value: string): keyof T & string {
  const code = Object.keys(table).find((k) => table[k] === value);
  if (code === undefined) throw new Error(`no Imigrasi code for ${value}`);
  return code;
}

export class UnknownCodeError extends Error {
  constructor(
    readonly table: string,
    readonly code: string,
  ) {
    super(`Imigrasi records: unknown ${table} code "${code}" (examples/imigrasi/codes.ts)`);
  }
}

/** What `code` means in `table`; an error naming the table and code when Imigrasi's data holds one the adapter does not know. */
export function decode<T extends Record<string, string>>(table: T, name: string, code: string): T[keyof T] {
  if (!Object.hasOwn(table, code)) throw new UnknownCodeError(name, code);
  return table[code as keyof T];
}
