// Reading and writing Imigrasi's crossing records (simkim.perlintasan). Lookups take lists, so
// the subgraph asks once per request; the row scope is part of the SQL, so the database filters.
import type { ImigrasiDb } from "./database";
import type { CountryCode, DirectionCode, TravelDocumentCode } from "./codes";
import type { TpiRow } from "./tables";

export interface PerlintasanRow {
  no_register: string;
  kode_tpi: string;
  arah: DirectionCode;
  waktu_perlintasan: Date;
  jenis_dokumen: TravelDocumentCode;
  no_dokumen: string;
  nama_pelintas: string;
  kewarganegaraan: CountryCode;
  negara_asal_tujuan: CountryCode;
  deportasi: boolean;
}

/** A crossing with its checkpoint, as the lookup returns it. */
export type CrossingRow = PerlintasanRow & Omit<TpiRow, "kode_tpi">;

const COLUMNS = [
  "no_register", "kode_tpi", "arah", "waktu_perlintasan", "jenis_dokumen", "no_dokumen", "nama_pelintas", "kewarganegaraan", "negara_asal_tujuan", "deportasi",
] as const satisfies readonly (keyof PerlintasanRow)[];
const TYPES = ["text", "text", "text", "timestamptz", "text", "text", "text", "text", "text", "boolean"];

/** Inserts crossings in one statement; ones already there (same no_register) are kept. Returns how many were new. */
export async function insertCrossings(db: ImigrasiDb, rows: readonly PerlintasanRow[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await db.query<{ no_register: string }>(
    `INSERT INTO simkim.perlintasan (${COLUMNS.join(", ")})
     SELECT * FROM unnest(${TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})
     ON CONFLICT (no_register) DO NOTHING RETURNING no_register`,
    COLUMNS.map((c) => rows.map((r) => r[c])),
  );
  return inserted.length;
}

export interface CrossingScope {
  /** Kode wilayah prefixes the checkpoint must lie in; null: no territorial limit; empty: nothing. */
  jurisdiction: readonly string[] | null;
}

/** Passport crossings of these passport numbers inside the scope, oldest first. */
export async function crossingsByPassport(db: ImigrasiDb, passports: readonly string[], scope: CrossingScope): Promise<CrossingRow[]> {
  if (!passports.length || scope.jurisdiction?.length === 0) return [];
  return db.query<CrossingRow>(
    `SELECT p.no_register, p.kode_tpi, p.arah, p.waktu_perlintasan, p.jenis_dokumen, p.no_dokumen, p.nama_pelintas,
            p.kewarganegaraan, p.negara_asal_tujuan, p.deportasi, t.nama_tpi, t.jenis_tpi, t.kanim, t.kode_wilayah
       FROM simkim.perlintasan p JOIN simkim.tpi t ON t.kode_tpi = p.kode_tpi
      WHERE p.jenis_dokumen = 'PSPR' AND p.no_dokumen = ANY($1::varchar[])
        AND ($2::text[] IS NULL OR EXISTS (
              SELECT 1 FROM unnest($2::text[]) AS j(prefix)
               WHERE t.kode_wilayah = j.prefix OR starts_with(t.kode_wilayah, j.prefix || '.')))
      ORDER BY p.waktu_perlintasan, p.no_register`,
    [passports, scope.jurisdiction],
  );
}
