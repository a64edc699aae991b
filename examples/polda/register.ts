// Polda Kalbar's investigation register, in its own table layout: the register of police reports
// (laporan polisi, LP) kept by each investigating unit (satuan kerja), and the history of each
// report's stage. Column names and stage codes are the register's own; mapping.ts turns them into
// the federated schema's. The register runs on PGlite (embedded PostgreSQL, in memory by default).
import { PGlite } from "@electric-sql/pglite";

/** Stage codes as the register writes them (tahap). */
export const TAHAP = ["LIDIK", "SIDIK", "P19", "P21", "TAHAP2", "SP3", "LIMPAH"] as const;
export type Tahap = (typeof TAHAP)[number];

const DDL = `
CREATE TABLE satker (
  kode_satker  text PRIMARY KEY,
  nama_satker  text NOT NULL,
  -- kode wilayah (Kemendagri) of the unit's area: the province for Polda's directorate, the
  -- kabupaten/kota for a Polres
  kode_wilayah text NOT NULL
);
CREATE TABLE laporan_polisi (
  no_lp        text PRIMARY KEY,
  -- the case number in Polda's case system (EMP), which Polda sends to the hub as the case's externalId
  no_kasus_emp text NOT NULL UNIQUE,
  tgl_lp       date NOT NULL,
  kode_satker  text NOT NULL REFERENCES satker,
  catatan      text
);
CREATE TABLE riwayat_tahap (
  no_lp   text NOT NULL REFERENCES laporan_polisi,
  urutan  smallint NOT NULL,
  tahap   text NOT NULL CHECK (tahap IN (${TAHAP.map((t) => `'${t}'`).join(", ")})),
  tanggal date NOT NULL,
  PRIMARY KEY (no_lp, urutan)
);
`;

export interface SatkerRow {
  kode_satker: string;
  nama_satker: string;
  kode_wilayah: string;
}
export interface LaporanRow {
  no_lp: string;
  no_kasus_emp: string;
  tgl_lp: string;
  kode_satker: string;
  catatan: string | null;
}
export interface TahapRow {
  no_lp: string;
  urutan: number;
  tahap: Tahap;
  tanggal: string;
}

/** One report with its current stage, as the register's own query returns it. */
export interface InvestigationRow {
  no_lp: string;
  no_kasus_emp: string;
  tgl_lp: string;
  catatan: string | null;
  tahap: Tahap;
  tgl_tahap: string;
  nama_satker: string;
  kode_wilayah: string;
}

/** Which reports a caller may reach: every one, or those of units whose area lies in these kode wilayah prefixes. */
export type UnitScope = "all" | { regionPrefixes: readonly string[] };

export class PoldaRegister {
  private constructor(private readonly db: PGlite) {}

  /** A new register; `dataDir` unset keeps it in memory. */
  static async open(dataDir?: string): Promise<PoldaRegister> {
    const db = dataDir ? new PGlite({ dataDir }) : new PGlite();
    const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('laporan_polisi')::text AS t`);
    if (!exists.rows[0]?.t) await db.exec(DDL);
    return new PoldaRegister(db);
  }

  async isEmpty(): Promise<boolean> {
    const r = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM laporan_polisi`);
    return r.rows[0]!.n === 0;
  }

  /** Loads units, reports and stage history in one transaction (one INSERT per table). */
  async load(rows: { satker: readonly SatkerRow[]; laporan: readonly LaporanRow[]; riwayat: readonly TahapRow[] }): Promise<void> {
    const col = <T, K extends keyof T>(xs: readonly T[], k: K) => xs.map((x) => x[k]);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO satker SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
        [col(rows.satker, "kode_satker"), col(rows.satker, "nama_satker"), col(rows.satker, "kode_wilayah")],
      );
      await tx.query(
        `INSERT INTO laporan_polisi SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[])`,
        [col(rows.laporan, "no_lp"), col(rows.laporan, "no_kasus_emp"), col(rows.laporan, "tgl_lp"), col(rows.laporan, "kode_satker"), col(rows.laporan, "catatan")],
      );
      await tx.query(
        `INSERT INTO riwayat_tahap SELECT * FROM unnest($1::text[], $2::smallint[], $3::text[], $4::date[])`,
        [col(rows.riwayat, "no_lp"), col(rows.riwayat, "urutan"), col(rows.riwayat, "tahap"), col(rows.riwayat, "tanggal")],
      );
    });
  }

  /**
   * The reports registered under these EMP case numbers, with their latest stage, limited to the
   * units `scope` allows: one statement for a whole batch of cases, the scope inside the SQL.
   */
  async byCaseNumbers(caseNumbers: readonly string[], scope: UnitScope): Promise<InvestigationRow[]> {
    const prefixes = scope === "all" ? null : [...scope.regionPrefixes];
    const r = await this.db.query<InvestigationRow>(
      `SELECT lp.no_lp, lp.no_kasus_emp, to_char(lp.tgl_lp, 'YYYY-MM-DD') AS tgl_lp, lp.catatan,
              t.tahap, to_char(t.tanggal, 'YYYY-MM-DD') AS tgl_tahap, s.nama_satker, s.kode_wilayah
         FROM laporan_polisi lp
         JOIN satker s USING (kode_satker)
         JOIN LATERAL (SELECT tahap, tanggal FROM riwayat_tahap rt WHERE rt.no_lp = lp.no_lp ORDER BY urutan DESC LIMIT 1) t ON true
        WHERE lp.no_kasus_emp = ANY($1::text[])
          AND ($2::text[] IS NULL OR EXISTS (
                SELECT 1 FROM unnest($2::text[]) p WHERE s.kode_wilayah = p OR s.kode_wilayah LIKE p || '.%'))`,
      [[...caseNumbers], prefixes],
    );
    return r.rows;
  }

  /** The stage history of one report, oldest first. */
  async history(noLp: string): Promise<TahapRow[]> {
    const r = await this.db.query<TahapRow>(
      `SELECT no_lp, urutan, tahap, to_char(tanggal, 'YYYY-MM-DD') AS tanggal FROM riwayat_tahap WHERE no_lp = $1 ORDER BY urutan`,
      [noLp],
    );
    return r.rows;
  }

  async ping(): Promise<void> {
    await this.db.query("SELECT 1");
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
