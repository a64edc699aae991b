// The demo register: Polda Kalbar's reports for the hub demo's cases that Polda contributed, so the
// register and the hub name the same cases (the register's `no_kasus_emp` is the externalId Polda
// used for the case). Built from the demo dataset's records (src/seed/records.ts), without any
// database; the register's own details (units, stage history, notes) follow from them
// deterministically.
import crypto from "node:crypto";
import type { DemoRecords } from "../../src/seed/records";
import { regenciesIn } from "../../src/seed/regions";
import type { LaporanRow, SatkerRow, Tahap, TahapRow } from "./register";

export const POLDA_AGENCY = "POLDA-KALBAR";

/** Polda's directorate (the whole province), and one Satreskrim per Polres/Polresta. */
const DIRECTORATE: SatkerRow = { kode_satker: "DITRESKRIMUM", nama_satker: "Subdit IV Renakta Ditreskrimum Polda Kalbar", kode_wilayah: "61" };
export const SATKER: readonly SatkerRow[] = [
  DIRECTORATE,
  ...regenciesIn("61").map((r) => {
    const kota = r.name.startsWith("Kota ");
    const place = r.name.replace(/^(Kabupaten|Kota) /, "");
    return {
      kode_satker: `RES-${place.toUpperCase().replace(/\s+/g, "")}`,
      nama_satker: `Satreskrim ${kota && place === "Pontianak" ? "Polresta" : "Polres"} ${place}`,
      kode_wilayah: r.code,
    };
  }),
];

/** The hub's stage of the police proceeding, in the register's codes. */
const STAGE_CODE: Record<string, Tahap> = {
  REPORTED: "LIDIK",
  PRELIMINARY_INVESTIGATION: "LIDIK",
  INVESTIGATION: "SIDIK",
  CASE_FILE_COMPLETE: "P21",
  TERMINATED: "SP3",
};
const COURT_STAGES = new Set(["PROSECUTION", "TRIAL", "VERDICT", "APPEAL"]);

const NOTES: Partial<Record<Tahap, readonly string[]>> = {
  LIDIK: ["Klarifikasi pelapor dan pengumpulan keterangan awal.", "Menunggu data penempatan dari BP3MI."],
  SIDIK: ["SPDP dikirim ke Kejati. Pemeriksaan saksi korban dan saksi ahli.", "Penyitaan dokumen perjalanan; koordinasi dengan Imigrasi Entikong."],
  P21: ["Berkas dinyatakan lengkap (P-21); persiapan tahap II.", "Berkas lengkap setelah petunjuk jaksa dipenuhi."],
  TAHAP2: ["Tersangka dan barang bukti diserahkan ke penuntut umum."],
  SP3: ["Penyidikan dihentikan: tidak cukup bukti."],
  LIMPAH: ["Perkara dilimpahkan ke Polda Kalimantan Selatan (locus delicti)."],
};

/** A number from 0 to n-1 fixed by `key`: the register's details never change between runs. */
function pick(key: string, n: number): number {
  return crypto.createHash("sha256").update(key).digest().readUInt32BE(0) % n;
}
const day = (d: Date | string) => (typeof d === "string" ? d : d.toISOString()).slice(0, 10);
function between(from: string, to: string, part: number, parts: number): string {
  const a = Date.parse(from);
  return day(new Date(a + Math.round(((Date.parse(to) - a) * part) / parts / 864e5) * 864e5));
}
const addDays = (d: string, n: number) => day(new Date(Date.parse(d) + n * 864e5));

/** The unit that took the report: the Polres of the case's origin, or the directorate for one case in four. */
function unitFor(originRegionCode: string | null | undefined, noLp: string): SatkerRow {
  const regency = originRegionCode?.slice(0, 5);
  const polres = SATKER.find((s) => s !== DIRECTORATE && s.kode_wilayah === regency);
  return !polres || pick(`unit:${noLp}`, 4) === 0 ? DIRECTORATE : polres;
}

export interface DemoRegister {
  satker: SatkerRow[];
  laporan: LaporanRow[];
  riwayat: TahapRow[];
}

export function demoRegister(records: Pick<DemoRecords, "cases" | "legalProceedings">): DemoRegister {
  const cases = new Map(records.cases.filter((c) => c.sourceAgency === POLDA_AGENCY).map((c) => [c.id!, c]));
  const prosecuted = new Set(records.legalProceedings.filter((p) => COURT_STAGES.has(p.stage)).map((p) => p.caseId));
  const laporan: LaporanRow[] = [];
  const riwayat: TahapRow[] = [];
  for (const p of records.legalProceedings) {
    const c = cases.get(p.caseId);
    if (!c || p.sourceAgency !== POLDA_AGENCY || !p.policeReportNumber || !STAGE_CODE[p.stage]) continue;
    const noLp = p.policeReportNumber;
    // The report is dated the day the case was identified (never after the stage it reached).
    const tglLp = day(c.identifiedAt!);
    const stageDate = day(p.stageDate ?? c.identifiedAt!);
    const reportDate = tglLp <= stageDate ? tglLp : stageDate;
    let current: Tahap = c.status === "ClosedReferred" ? "LIMPAH" : STAGE_CODE[p.stage]!;
    // The path through the register's stages up to the current one; a returned file (P-19) for some.
    const path: Tahap[] = ["LIDIK"];
    if (current === "SIDIK" || current === "SP3" || current === "P21") path.push("SIDIK");
    if (current === "P21" && pick(`p19:${noLp}`, 3) === 0) path.push("P19");
    if (current === "P21" || current === "SP3" || current === "LIMPAH") path.push(current);
    path.forEach((tahap, i) =>
      riwayat.push({ no_lp: noLp, urutan: i + 1, tahap, tanggal: i === 0 ? reportDate : between(reportDate, stageDate, i, path.length - 1) }),
    );
    if (current === "P21" && prosecuted.has(c.id!)) {
      current = "TAHAP2";
      riwayat.push({ no_lp: noLp, urutan: path.length + 1, tahap: "TAHAP2", tanggal: addDays(stageDate, 7) });
    }
    const notes = NOTES[current]!;
    laporan.push({
      no_lp: noLp,
      no_kasus_emp: c.externalId,
      tgl_lp: reportDate,
      kode_satker: unitFor(c.originRegionCode, noLp).kode_satker,
      catatan: notes[pick(`notes:${noLp}`, notes.length)]!,
    });
  }
  return { satker: [...SATKER], laporan, riwayat };
}
