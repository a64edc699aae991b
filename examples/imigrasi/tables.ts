// Imigrasi's own table layout (schema `simkim`): checkpoints (TPI) and crossings (perlintasan),
// with Imigrasi's column names and codes (codes.ts). Created if missing; reference rows upserted.
import type { ImigrasiDb } from "./database";

export const DDL = `
CREATE SCHEMA IF NOT EXISTS simkim;

-- Tempat Pemeriksaan Imigrasi: airports, seaports and land border posts (PLBN).
CREATE TABLE IF NOT EXISTS simkim.tpi (
  kode_tpi     varchar(5)  PRIMARY KEY,
  nama_tpi     varchar(80) NOT NULL,
  jenis_tpi    char(1)     NOT NULL CHECK (jenis_tpi IN ('U', 'L', 'D')),
  kanim        varchar(60) NOT NULL,
  kode_wilayah varchar(13) NOT NULL
);

-- One passage of one traveller through a TPI.
CREATE TABLE IF NOT EXISTS simkim.perlintasan (
  id_perlintasan     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  no_register        varchar(40)  NOT NULL UNIQUE,
  kode_tpi           varchar(5)   NOT NULL REFERENCES simkim.tpi (kode_tpi),
  arah               char(1)      NOT NULL CHECK (arah IN ('B', 'D')),
  waktu_perlintasan  timestamptz  NOT NULL,
  jenis_dokumen      varchar(4)   NOT NULL,
  no_dokumen         varchar(20)  NOT NULL,
  nama_pelintas      varchar(100) NOT NULL,
  kewarganegaraan    char(3)      NOT NULL,
  negara_asal_tujuan char(3)      NOT NULL,
  deportasi          boolean      NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS perlintasan_dokumen ON simkim.perlintasan (jenis_dokumen, no_dokumen);
`;

export interface TpiRow {
  kode_tpi: string;
  nama_tpi: string;
  jenis_tpi: "U" | "L" | "D";
  kanim: string;
  kode_wilayah: string;
}

/** The checkpoints of the Kalimantan immigration offices. */
export const TPI: readonly TpiRow[] = [
  { kode_tpi: "ETK", nama_tpi: "PLBN Entikong", jenis_tpi: "D", kanim: "Kantor Imigrasi Entikong", kode_wilayah: "61.03.21" },
  { kode_tpi: "ARK", nama_tpi: "PLBN Aruk", jenis_tpi: "D", kanim: "Kantor Imigrasi Sambas", kode_wilayah: "61.01.09" },
  { kode_tpi: "SJG", nama_tpi: "Pos Lintas Batas Sajingan", jenis_tpi: "D", kanim: "Kantor Imigrasi Sambas", kode_wilayah: "61.01.09" },
  { kode_tpi: "NBD", nama_tpi: "PLBN Nanga Badau", jenis_tpi: "D", kanim: "Kantor Imigrasi Putussibau", kode_wilayah: "61.06.14" },
  { kode_tpi: "SKL", nama_tpi: "PLBN Sei Kelik", jenis_tpi: "D", kanim: "Kantor Imigrasi Putussibau", kode_wilayah: "61.05" },
  { kode_tpi: "JGB", nama_tpi: "PLBN Jagoi Babang", jenis_tpi: "D", kanim: "Kantor Imigrasi Singkawang", kode_wilayah: "61.07.07" },
  { kode_tpi: "PNK", nama_tpi: "Bandara Internasional Supadio", jenis_tpi: "U", kanim: "Kantor Imigrasi Pontianak", kode_wilayah: "61.12" },
  { kode_tpi: "DWK", nama_tpi: "Pelabuhan Dwikora Pontianak", jenis_tpi: "L", kanim: "Kantor Imigrasi Pontianak", kode_wilayah: "61.71" },
  { kode_tpi: "BDJ", nama_tpi: "Bandara Syamsudin Noor", jenis_tpi: "U", kanim: "Kantor Imigrasi Banjarmasin", kode_wilayah: "63.72" },
  { kode_tpi: "TRS", nama_tpi: "Pelabuhan Trisakti Banjarmasin", jenis_tpi: "L", kanim: "Kantor Imigrasi Banjarmasin", kode_wilayah: "63.71" },
];

/** Creates Imigrasi's tables if missing and upserts the checkpoints. */
export async function createTables(db: ImigrasiDb): Promise<void> {
  await db.exec(DDL);
  await db.query(
    `INSERT INTO simkim.tpi (kode_tpi, nama_tpi, jenis_tpi, kanim, kode_wilayah)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (kode_tpi) DO UPDATE SET nama_tpi = EXCLUDED.nama_tpi, jenis_tpi = EXCLUDED.jenis_tpi, kanim = EXCLUDED.kanim, kode_wilayah = EXCLUDED.kode_wilayah`,
    (["kode_tpi", "nama_tpi", "jenis_tpi", "kanim", "kode_wilayah"] as const).map((c) => TPI.map((t) => t[c])),
  );
}
