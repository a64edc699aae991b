// Makes the three sample spreadsheets of examples/spreadsheets/ (run: `npx tsx examples/spreadsheets/generate.ts`).
// The files are committed too; test/import/sample-files.test.ts checks they are what this script makes.
//
// They are written the way Indonesian offices keep their lists in Excel: Indonesian headers, title
// rows above the header, merged cells (titles, grouped column headers, a group of rows sharing an
// arrival date or a shelter), dates as real date cells, as bare Excel serial numbers, as
// `dd/mm/yyyy` text and as `12 Juli 2025`, each office's own spellings (P/L, Perempuan/Laki-laki,
// Malaysia/MY/Malay), and a few rows with the mistakes officers really make. Every person, company
// and number is invented (NIKs are valid for their real kecamatan and birth date, serials from 7001
// so they never meet the demo's); kode wilayah are the real Kemendagri ones of Kalbar and Kalsel.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { formatNik } from "../../src/seed/nik";

export const SAMPLES_DIR = __dirname;

export const SAMPLE_FILES = {
  bp3mi: "bp3mi-kalbar-pmi-purna-2025-07.xlsx",
  dinsos: "dinsos-kalbar-register-rptc-2025.xlsx",
  ltsa: "ltsa-entikong-peringatan-dini-2025-07.csv",
} as const;

type Sex = "Feminine" | "Masculine";
/** How a date is written in its cell: a real date cell, a bare Excel serial, or text as typed. */
type DateCell = { date: string; as: "cell" | "serial" } | { text: string };

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const serial = (iso: string) => (utc(iso).getTime() - EXCEL_EPOCH) / 86_400_000;
const nik = (district: string, birth: string, sex: Sex, n: number) => formatNik(district, utc(birth), sex, n);

function dateValue(d: DateCell | null): ExcelJS.CellValue {
  if (!d) return null;
  if ("text" in d) return d.text;
  return d.as === "cell" ? utc(d.date) : serial(d.date);
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Fixed, so the script makes the same workbook every time.
  wb.creator = "TPPO Hub examples";
  wb.created = new Date(Date.UTC(2025, 7, 1));
  wb.modified = wb.created;
  return wb;
}

const BOLD: Partial<ExcelJS.Font> = { bold: true };
const CENTER: Partial<ExcelJS.Alignment> = { horizontal: "center", vertical: "middle", wrapText: true };
const THIN: Partial<ExcelJS.Borders> = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };

/** Title rows, merged across the table's width, and the two-row grouped header. */
function layoutHeader(
  ws: ExcelJS.Worksheet,
  titles: string[],
  groups: Array<{ header: string } | { group: string; headers: string[] }>,
): number {
  const width = groups.reduce((n, g) => n + ("header" in g ? 1 : g.headers.length), 0);
  titles.forEach((t, i) => {
    ws.getCell(i + 1, 1).value = t;
    ws.mergeCells(i + 1, 1, i + 1, width);
    ws.getCell(i + 1, 1).font = BOLD;
    ws.getCell(i + 1, 1).alignment = { horizontal: "center" };
  });
  const top = titles.length + 2; // one blank row under the titles
  let col = 1;
  for (const g of groups) {
    if ("header" in g) {
      ws.getCell(top, col).value = g.header;
      ws.mergeCells(top, col, top + 1, col);
      col += 1;
    } else {
      ws.getCell(top, col).value = g.group;
      ws.mergeCells(top, col, top, col + g.headers.length - 1);
      g.headers.forEach((h, i) => (ws.getCell(top + 1, col + i).value = h));
      col += g.headers.length;
    }
  }
  for (let r = top; r <= top + 1; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.font = BOLD;
      cell.alignment = CENTER;
      cell.border = THIN;
    }
  }
  return top + 1; // the header row the mapping names
}

function writeRows(ws: ExcelJS.Worksheet, firstRow: number, rows: ExcelJS.CellValue[][], dateColumns: number[]): void {
  rows.forEach((values, i) => {
    const row = ws.getRow(firstRow + i);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.border = THIN;
      if (v instanceof Date && dateColumns.includes(c + 1)) cell.numFmt = "dd/mm/yyyy";
    });
  });
}

// ------------------------------------------------------------------------------------------
// 1. BP3MI Kalimantan Barat: returned and deported migrant workers (PMI purna/deportasi), July 2025.
//    One row = the person, the placement abroad, its P3MI company (if any) and the return.

interface Returnee {
  reg: string;
  name: string | null;
  nik: string | null;
  passport: string;
  birth: DateCell;
  sex: string;
  origin: string;
  p3mi: [name: string, sip: string] | null;
  country: string;
  job: string;
  departed: DateCell | null;
  procedural: "Ya" | "Tidak";
  arrived: DateCell;
  arrivalPoint: string;
  note: string;
}

const P3MI_DUTA: [string, string] = ["PT Duta Khatulistiwa Mandiri (fiktif)", "SIP3MI/217/2023"];
const P3MI_MITRA: [string, string] = ["PT Mitra Kapuas Sejahtera (fiktif)", "SIP3MI/342/2022"];
const P3MI_BANUA: [string, string] = ["PT Bina Banua Persada (fiktif)", "SIP3MI/118/2021"];

/** Arrival of the deportation group of rows 6-8 (merged cells in the sheet). */
const DEPORTED_0708: DateCell = { date: "2025-07-08", as: "cell" };

export const BP3MI_RETURNEES: Returnee[] = [
  { reg: "PURNA/2025/07/001", name: "Siti Rahmawati", nik: nik("61.01.09", "1994-03-12", "Feminine", 7001), passport: "A3120457", birth: { date: "1994-03-12", as: "cell" }, sex: "P", origin: "Sambas", p3mi: P3MI_DUTA, country: "Malaysia", job: "Penata Laksana Rumah Tangga", departed: { date: "2023-05-02", as: "cell" }, procedural: "Ya", arrived: { date: "2025-07-03", as: "cell" }, arrivalPoint: "PLBN Entikong", note: "Habis kontrak" },
  { reg: "DEP/2025/07/014", name: "Yohanes Ading", nik: nik("61.03.21", "1988-11-20", "Masculine", 7002), passport: "A4417802", birth: { date: "1988-11-20", as: "serial" }, sex: "L", origin: "Sanggau", p3mi: null, country: "MY", job: "Buruh kebun sawit", departed: null, procedural: "Tidak", arrived: DEPORTED_0708, arrivalPoint: "PLBN Entikong", note: "Deportasi, tanpa permit kerja" },
  { reg: "DEP/2025/07/015", name: "Markus Lanting", nik: nik("61.07.07", "1999-09-05", "Masculine", 7003), passport: "A4417803", birth: { text: "05/09/1999" }, sex: "Laki-laki", origin: "Bengkayang", p3mi: null, country: "Malay", job: "Buruh bangunan", departed: { text: "14/02/2024" }, procedural: "Tidak", arrived: DEPORTED_0708, arrivalPoint: "PLBN Entikong", note: "Deportasi" },
  { reg: "DEP/2025/07/016", name: "Maria Goreti Ilun", nik: nik("61.06.14", "2001-07-12", "Feminine", 7004), passport: "A4417804", birth: { text: "12 Juli 2001" }, sex: "Perempuan", origin: "Kapuas Hulu", p3mi: null, country: "Malaysia", job: "Pelayan restoran", departed: { text: "3 Januari 2025" }, procedural: "Tidak", arrived: DEPORTED_0708, arrivalPoint: "PLBN Entikong", note: "Deportasi, overstay" },
  // Bad: 31 February does not exist.
  { reg: "PURNA/2025/07/002", name: "Nurhayati", nik: nik("61.01.01", "1990-02-28", "Feminine", 7005), passport: "A2290118", birth: { text: "31/02/1990" }, sex: "P", origin: "Sambas", p3mi: P3MI_MITRA, country: "Malaysia", job: "Operator pabrik", departed: { date: "2022-08-15", as: "cell" }, procedural: "Ya", arrived: { date: "2025-07-10", as: "cell" }, arrivalPoint: "PLBN Aruk", note: "Habis kontrak" },
  { reg: "PURNA/2025/07/003", name: "Dewi Lestari", nik: nik("61.71.03", "1996-06-21", "Feminine", 7006), passport: "A3382910", birth: { date: "1996-06-21", as: "cell" }, sex: "P", origin: "Kota Pontianak", p3mi: P3MI_DUTA, country: "Brunei Darussalam", job: "Penata Laksana Rumah Tangga", departed: { date: "2023-01-09", as: "serial" }, procedural: "Ya", arrived: { date: "2025-07-12", as: "cell" }, arrivalPoint: "Bandara Supadio", note: "Habis kontrak" },
  // Bad: "Serawak" is a Malaysian state, misspelt, not a country of the map.
  { reg: "DEP/2025/07/021", name: "Hendrikus Jempau", nik: nik("61.03.07", "1985-01-30", "Masculine", 7007), passport: "A4420017", birth: { date: "1985-01-30", as: "cell" }, sex: "L", origin: "Sanggau", p3mi: null, country: "Serawak", job: "Buruh kebun sawit", departed: null, procedural: "Tidak", arrived: { date: "2025-07-15", as: "cell" }, arrivalPoint: "PLBN Entikong", note: "Deportasi" },
  // Bad: 61.13 is no kabupaten of Kalimantan Barat (the office typed 6113 for 6103).
  { reg: "PURNA/2025/07/004", name: "Rina Marlina", nik: nik("61.13.01", "1993-10-04", "Feminine", 7008), passport: "A3391244", birth: { text: "04/10/1993" }, sex: "P", origin: "Sanggau", p3mi: P3MI_MITRA, country: "Malaysia", job: "Operator pabrik", departed: { date: "2022-11-01", as: "cell" }, procedural: "Ya", arrived: { date: "2025-07-17", as: "cell" }, arrivalPoint: "PLBN Entikong", note: "Habis kontrak" },
  // Bad: the name was never filled in.
  { reg: "DEP/2025/07/022", name: null, nik: nik("61.01.09", "2000-04-18", "Masculine", 7009), passport: "A4420188", birth: { date: "2000-04-18", as: "serial" }, sex: "L", origin: "Sambas", p3mi: null, country: "MY", job: "Buruh kebun sawit", departed: null, procedural: "Tidak", arrived: { date: "2025-07-19", as: "cell" }, arrivalPoint: "PLBN Aruk", note: "Deportasi" },
  { reg: "PURNA/2025/07/005", name: "Ahmad Fauzi", nik: nik("63.03.05", "1991-08-09", "Masculine", 7010), passport: "A2875530", birth: { date: "1991-08-09", as: "serial" }, sex: "L", origin: "Banjar", p3mi: P3MI_BANUA, country: "Singapura", job: "Teknisi kapal", departed: { date: "2023-03-20", as: "cell" }, procedural: "Ya", arrived: { date: "2025-07-22", as: "cell" }, arrivalPoint: "Bandara Supadio", note: "Habis kontrak" },
  { reg: "PURNA/2025/07/006", name: "Lusiana Apui", nik: nik("61.72.02", "1997-01-03", "Feminine", 7011), passport: "A3517706", birth: { text: "3/1/1997" }, sex: "Pr", origin: "Kota Singkawang", p3mi: P3MI_BANUA, country: "Hong Kong", job: "Penata Laksana Rumah Tangga", departed: { text: "20 Agustus 2023" }, procedural: "Ya", arrived: { text: "25 Juli 2025" }, arrivalPoint: "Bandara Supadio", note: "Habis kontrak" },
];

export async function bp3miWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Daftar PMI");
  const header = layoutHeader(
    ws,
    ["DAFTAR PMI PURNA/DEPORTASI BP3MI KALIMANTAN BARAT - JULI 2025", "(DATA FIKTIF, CONTOH UNTUK IMPOR TPPO HUB)"],
    [
      { header: "No." },
      { header: "No. Registrasi" },
      { group: "IDENTITAS PMI", headers: ["Nama PMI", "NIK", "No. Paspor", "Tgl Lahir", "L/P", "Asal (Kab/Kota)"] },
      { group: "PENEMPATAN", headers: ["Nama P3MI", "No. SIP3MI", "Negara Tujuan", "Jabatan", "Tgl Berangkat", "Prosedural"] },
      { group: "KEPULANGAN", headers: ["Tgl Tiba", "Pos Kedatangan", "Keterangan"] },
    ],
  );
  const first = header + 1;
  writeRows(
    ws,
    first,
    BP3MI_RETURNEES.map((r, i) => [
      i + 1, r.reg, r.name, r.nik, r.passport, dateValue(r.birth), r.sex, r.origin,
      r.p3mi?.[0] ?? null, r.p3mi?.[1] ?? null, r.country, r.job, dateValue(r.departed), r.procedural,
      dateValue(r.arrived), r.arrivalPoint, r.note,
    ]),
    [6, 13, 15],
  );
  // The deportation group of 8 July arrived together: one merged cell for its date and post.
  for (const col of [15, 16]) ws.mergeCells(first + 1, col, first + 3, col);
  // NIKs as text, as offices do (a number would lose digits in Excel).
  ws.getColumn(4).numFmt = "@";
  [5, 18, 20, 12, 14, 12, 5, 16, 36, 16, 16, 26, 13, 11, 12, 18, 28].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return wb;
}

// ------------------------------------------------------------------------------------------
// 2. Dinas Sosial Kalimantan Barat: intake register of its shelters (RPTC), 2025.
//    One row = the client (person), the shelter stay (a SHELTER referral from Dinas Sosial to
//    the shelter) and, when the column says so, a follow-up referral.

interface Client {
  reg: string;
  entered: DateCell;
  name: string | null;
  nik: string | null;
  birth: DateCell | null;
  sex: string;
  origin: string;
  referredBy: string;
  shelter: string;
  followUp: string | null;
  left: DateCell | null;
  status: string;
  note: string | null;
}

export const DINSOS_CLIENTS: Client[] = [
  { reg: "RPTC/2025/031", entered: { date: "2025-06-02", as: "cell" }, name: "Yuliana Sari", nik: nik("61.03.07", "2003-05-14", "Feminine", 7021), birth: { date: "2003-05-14", as: "cell" }, sex: "Perempuan", origin: "Kab. Sanggau", referredBy: "BP3MI Kalbar", shelter: "RPTC Khatulistiwa", followUp: "Psikososial", left: { date: "2025-06-20", as: "cell" }, status: "Selesai", note: "Dipulangkan ke keluarga" },
  { reg: "RPTC/2025/032", entered: { date: "2025-06-09", as: "cell" }, name: "Fransiska Nyai", nik: nik("61.08.01", "1998-12-01", "Feminine", 7022), birth: { date: "1998-12-01", as: "serial" }, sex: "P", origin: "Kab. Landak", referredBy: "Polda Kalbar", shelter: "RPTC Khatulistiwa", followUp: "Pemeriksaan kesehatan", left: null, status: "Dalam layanan", note: null },
  { reg: "RPTC/2025/033", entered: { text: "16/06/2025" }, name: "Rudi Hartono", nik: nik("61.12.01", "1987-04-25", "Masculine", 7023), birth: { text: "25/04/1987" }, sex: "Laki-laki", origin: "Kab. Kubu Raya", referredBy: "BP3MI Kalbar", shelter: "RPTC Khatulistiwa", followUp: null, left: { text: "30/06/2025" }, status: "Selesai", note: null },
  // Bad: month 13.
  { reg: "RPTC/2025/034", entered: { text: "15/13/2025" }, name: "Sri Wahyuni", nik: nik("61.71.01", "2000-09-09", "Feminine", 7024), birth: { date: "2000-09-09", as: "cell" }, sex: "P", origin: "Kota Pontianak", referredBy: "LTSA Entikong", shelter: "Rumah Aman Entikong", followUp: null, left: null, status: "Dalam layanan", note: null },
  { reg: "RPTC/2025/035", entered: { text: "12 Juli 2025" }, name: "Theresia Uyun", nik: nik("61.03.21", "2008-02-17", "Feminine", 7025), birth: { text: "17 Februari 2008" }, sex: "P", origin: "Kab. Sanggau", referredBy: "Imigrasi Entikong", shelter: "Rumah Aman Entikong", followUp: "Bantuan hukum", left: null, status: "Dalam layanan", note: "Anak, didampingi P2TP2A" },
  // Bad: 63.99 is no kabupaten of Kalimantan Selatan.
  { reg: "RPTC/2025/036", entered: { date: "2025-07-14", as: "cell" }, name: "Rahmah", nik: nik("63.99.02", "1995-03-03", "Feminine", 7026), birth: { date: "1995-03-03", as: "cell" }, sex: "Perempuan", origin: "Kota Banjarmasin", referredBy: "BP3MI Kalsel", shelter: "Rumah Aman Entikong", followUp: null, left: null, status: "Dalam layanan", note: null },
  // Bad: no name written down.
  { reg: "RPTC/2025/037", entered: { date: "2025-07-16", as: "cell" }, name: null, nik: null, birth: null, sex: "L", origin: "Kab. Sambas", referredBy: "Polda Kalbar", shelter: "RPTC Khatulistiwa", followUp: null, left: null, status: "Dalam layanan", note: "Identitas belum diketahui" },
  // Bad for the hub: "Selesai" (completed) but no exit date.
  { reg: "RPTC/2025/038", entered: { date: "2025-07-18", as: "serial" }, name: "Agustina Lawai", nik: nik("61.06.01", "1999-08-08", "Feminine", 7027), birth: { date: "1999-08-08", as: "cell" }, sex: "P", origin: "Kab. Kapuas Hulu", referredBy: "BP3MI Kalbar", shelter: "RPTC Khatulistiwa", followUp: null, left: null, status: "Selesai", note: null },
  { reg: "RPTC/2025/039", entered: { date: "2025-07-21", as: "cell" }, name: "Sulastri", nik: nik("61.72.03", "1992-11-11", "Feminine", 7028), birth: { date: "1992-11-11", as: "serial" }, sex: "Perempuan", origin: "Kota Singkawang", referredBy: "BP3MI Kalbar", shelter: "RPTC Khatulistiwa", followUp: "Psikososial", left: null, status: "Dalam layanan", note: null },
];

export async function dinsosWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = newWorkbook();
  // A first sheet officers keep for notes: the mapping names the register's sheet.
  const notes = wb.addWorksheet("Petunjuk");
  notes.getCell("A1").value = "Isi register pada sheet 'Register 2025'. Tanggal ditulis dd/mm/yyyy.";
  const ws = wb.addWorksheet("Register 2025");
  const header = layoutHeader(
    ws,
    ["BUKU REGISTER PENERIMAAN KLIEN", "RUMAH PERLINDUNGAN TRAUMA CENTER (RPTC) - DINAS SOSIAL PROVINSI KALIMANTAN BARAT", "TAHUN 2025 (DATA FIKTIF)"],
    [
      { header: "No." },
      { header: "No. Register" },
      { header: "Tgl Masuk" },
      { group: "IDENTITAS KLIEN", headers: ["Nama Klien", "NIK", "Tgl Lahir", "Jenis Kelamin", "Asal Kab/Kota"] },
      { group: "PENANGANAN", headers: ["Rujukan Dari", "Rumah Perlindungan", "Layanan Lanjutan", "Tgl Keluar", "Status", "Catatan"] },
    ],
  );
  const first = header + 1;
  writeRows(
    ws,
    first,
    DINSOS_CLIENTS.map((c, i) => [
      i + 1, c.reg, dateValue(c.entered), c.name, c.nik, dateValue(c.birth), c.sex, c.origin,
      c.referredBy, c.shelter, c.followUp, dateValue(c.left), c.status, c.note,
    ]),
    [3, 6, 12],
  );
  // Clients 1-3 stayed at RPTC Khatulistiwa and 4-6 at Rumah Aman Entikong: the office merged
  // each run of the same shelter into one cell.
  ws.mergeCells(first, 10, first + 2, 10);
  ws.mergeCells(first + 3, 10, first + 5, 10);
  ws.getColumn(5).numFmt = "@";
  [5, 16, 12, 20, 18, 12, 13, 18, 16, 22, 22, 12, 14, 28].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return wb;
}

// ------------------------------------------------------------------------------------------
// 3. LTSA Entikong: early-warning log, exported from Excel as CSV. Indonesian Excel writes `;`
//    between fields (the decimal separator is `,`), a UTF-8 byte-order mark, and CRLF line ends.

export const LTSA_LOG: string[][] = [
  ["1", "EW/ETK/2025/07/001", "01/07/2025", "08.30", "LTSA", "Entikong", "Sekelompok 6 orang menunggu di terminal Entikong tanpa paspor, mengaku akan bekerja di kebun sawit Sarawak.", "Bang Jali", "Dieskalasi"],
  ["2", "EW/ETK/2025/07/002", "03/07/2025", "14.10", "Masyarakat", "Sekayam", "Kepala dusun melaporkan calo menawarkan kerja di restoran Kuching kepada remaja putri.", "Ibu Ani", "Ditelaah"],
  ["3", "EW/ETK/2025/07/003", "5 Juli 2025", "10.00", "LSM", "Entikong", "Pendamping LSM menerima pengaduan keluarga: anak tidak bisa dihubungi sejak berangkat lewat jalan tikus.", "", "Baru"],
  // Bad: 32 July.
  ["4", "EW/ETK/2025/07/004", "32/07/2025", "09.45", "LTSA", "Entikong", "Dua perempuan muda diantar mobil travel ke PLBN tanpa kontrak kerja.", "", "Baru"],
  ["5", "EW/ETK/2025/07/005", "09/07/2025", "16.20", "Instansi", "Kembayan", "Imigrasi menolak keberangkatan 3 orang dengan visa kunjungan; mengaku direkrut lewat Facebook.", "Akun FB 'Kerja Malaysia Gaji Besar'", "Ditelaah"],
  // Bad: who reported it is not one of the sources the mapping knows.
  ["6", "EW/ETK/2025/07/006", "11/07/2025", "11.00", "Wartawan", "Entikong", "Wartawan lokal melihat penampungan calon PMI di rumah kontrakan.", "", "Baru"],
  // Bad for the hub: the year was typed 2052, a date in the future.
  ["7", "EW/ETK/2025/07/007", "14/07/2052", "13.30", "LTSA", "Sekayam", "Warga melaporkan perekrutan untuk kerja di Kamboja dengan iming-iming gaji besar.", "Pak Odeng", "Baru"],
  // Bad: no description written.
  ["8", "EW/ETK/2025/07/008", "16/07/2025", "08.15", "LTSA", "Entikong", "", "", "Baru"],
  ["9", "EW/ETK/2025/07/009", "18/07/2025", "15.45", "Masyarakat", "Beduai", "Tetangga melaporkan 4 pemuda berangkat malam hari dijemput orang tak dikenal.", "", "Selesai"],
];

export function ltsaCsv(): string {
  const width = 9;
  const title = ["LOG PERINGATAN DINI LTSA ENTIKONG - JULI 2025 (DATA FIKTIF)", ...Array<string>(width - 1).fill("")];
  const blank = Array<string>(width).fill("");
  const header = ["No", "No. Laporan", "Tanggal", "Jam", "Sumber Informasi", "Kecamatan", "Uraian Kejadian", "Nama/Alias Calo", "Tindak Lanjut"];
  const quote = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [title, blank, header, ...LTSA_LOG].map((r) => r.map(quote).join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

// ------------------------------------------------------------------------------------------

/** Each sample file's name and content. */
export async function buildSamples(): Promise<Array<{ file: string; bytes: Buffer }>> {
  const xlsx = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
  return [
    { file: SAMPLE_FILES.bp3mi, bytes: await xlsx(await bp3miWorkbook()) },
    { file: SAMPLE_FILES.dinsos, bytes: await xlsx(await dinsosWorkbook()) },
    { file: SAMPLE_FILES.ltsa, bytes: Buffer.from(ltsaCsv(), "utf8") },
  ];
}

async function main(): Promise<void> {
  for (const { file, bytes } of await buildSamples()) {
    fs.writeFileSync(path.join(SAMPLES_DIR, file), bytes);
    process.stdout.write(`wrote examples/spreadsheets/${file}\n`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
