// What the import report says about each sample spreadsheet (examples/spreadsheets/), line by line,
// on a hub with the demo data: `row record externalId status [field] [column] [code]`. Blank
// field/column/code are left out. The bad rows are described in examples/spreadsheets/generate.ts.

export type SampleKey = "bp3mi" | "dinsos" | "ltsa";

const created = (row: number, record: string, externalId: string) => `${row} ${record} ${externalId} CREATED`;
const rejected = (row: number, record: string, externalId: string, field: string | null, column: string | null, code: string) =>
  [row, record, externalId, "REJECTED", field ?? "-", column ? `[${column}]` : "-", code].join(" ");
const rowRejected = (row: number, record: string, externalId: string) => rejected(row, record, externalId, null, null, "ROW_REJECTED");
const dependsOnRejected = (row: number, record: string, externalId: string) => rejected(row, record, externalId, null, null, "DEPENDS_ON_REJECTED");

/** BP3MI's four records of a row: the worker, the P3MI (when named), the placement, the return. */
function bp3miRow(row: number, reg: string, sip: string | null, status = "CREATED", p3miStatus = status): string[] {
  return [
    `${row} person PMI/${reg} ${status}`,
    ...(sip ? [`${row} organization P3MI/${sip} ${p3miStatus}`] : []),
    `${row} migrantPlacement PENEMPATAN/${reg} ${status}`,
    `${row} repatriation KEPULANGAN/${reg} ${status}`,
  ];
}

const BP3MI_FIRST: string[] = [
  ...bp3miRow(6, "PURNA/2025/07/001", "SIP3MI/217/2023"),
  ...bp3miRow(7, "DEP/2025/07/014", null),
  ...bp3miRow(8, "DEP/2025/07/015", null),
  ...bp3miRow(9, "DEP/2025/07/016", null),
  // 31/02/1990 is no date: nothing of the row is sent.
  rejected(10, "person", "PMI/PURNA/2025/07/002", "birthDate", "Tgl Lahir", "INVALID_DATE"),
  rowRejected(10, "organization", "P3MI/SIP3MI/342/2022"),
  rowRejected(10, "migrantPlacement", "PENEMPATAN/PURNA/2025/07/002"),
  rowRejected(10, "repatriation", "KEPULANGAN/PURNA/2025/07/002"),
  // The same P3MI as row 6.
  ...bp3miRow(11, "PURNA/2025/07/003", "SIP3MI/217/2023", "CREATED", "UNCHANGED"),
  // "Serawak" is not in the country map.
  rowRejected(12, "person", "PMI/DEP/2025/07/021"),
  rejected(12, "migrantPlacement", "PENEMPATAN/DEP/2025/07/021", "destinationCountry", "Negara Tujuan", "VALUE_NOT_MAPPED"),
  rejected(12, "repatriation", "KEPULANGAN/DEP/2025/07/021", "fromCountry", "Negara Tujuan", "VALUE_NOT_MAPPED"),
  // NIK 6113...: the hub rejects the person; its placement and return are not sent; the P3MI is new.
  rejected(13, "person", "PMI/PURNA/2025/07/004", "documents[0].number", "NIK", "NIK_REGION"),
  created(13, "organization", "P3MI/SIP3MI/342/2022"),
  dependsOnRejected(13, "migrantPlacement", "PENEMPATAN/PURNA/2025/07/004"),
  dependsOnRejected(13, "repatriation", "KEPULANGAN/PURNA/2025/07/004"),
  // No name.
  rejected(14, "person", "PMI/DEP/2025/07/022", "fullName", "Nama PMI", "REQUIRED"),
  rowRejected(14, "migrantPlacement", "PENEMPATAN/DEP/2025/07/022"),
  rowRejected(14, "repatriation", "KEPULANGAN/DEP/2025/07/022"),
  ...bp3miRow(15, "PURNA/2025/07/005", "SIP3MI/118/2021"),
  ...bp3miRow(16, "PURNA/2025/07/006", "SIP3MI/118/2021", "CREATED", "UNCHANGED"),
];

const DINSOS_FIRST: string[] = [
  created(7, "person", "KLIEN/RPTC/2025/031"),
  created(7, "serviceReferral", "RUJUKAN/RPTC/2025/031/SHELTER"),
  created(7, "serviceReferral", "RUJUKAN/RPTC/2025/031/LANJUTAN"),
  created(8, "person", "KLIEN/RPTC/2025/032"),
  created(8, "serviceReferral", "RUJUKAN/RPTC/2025/032/SHELTER"),
  created(8, "serviceReferral", "RUJUKAN/RPTC/2025/032/LANJUTAN"),
  created(9, "person", "KLIEN/RPTC/2025/033"),
  created(9, "serviceReferral", "RUJUKAN/RPTC/2025/033/SHELTER"),
  // Tgl Masuk 15/13/2025 feeds three fields of the referral.
  rowRejected(10, "person", "KLIEN/RPTC/2025/034"),
  rejected(10, "serviceReferral", "RUJUKAN/RPTC/2025/034/SHELTER", "requestedAt", "Tgl Masuk", "INVALID_DATE"),
  rejected(10, "serviceReferral", "RUJUKAN/RPTC/2025/034/SHELTER", "acceptedAt", "Tgl Masuk", "INVALID_DATE"),
  rejected(10, "serviceReferral", "RUJUKAN/RPTC/2025/034/SHELTER", "startedAt", "Tgl Masuk", "INVALID_DATE"),
  // Its shelter comes from the merged cell above it.
  created(11, "person", "KLIEN/RPTC/2025/035"),
  created(11, "serviceReferral", "RUJUKAN/RPTC/2025/035/SHELTER"),
  created(11, "serviceReferral", "RUJUKAN/RPTC/2025/035/LANJUTAN"),
  rejected(12, "person", "KLIEN/RPTC/2025/036", "documents[0].number", "NIK", "NIK_REGION"),
  dependsOnRejected(12, "serviceReferral", "RUJUKAN/RPTC/2025/036/SHELTER"),
  rejected(13, "person", "KLIEN/RPTC/2025/037", "fullName", "Nama Klien", "REQUIRED"),
  rowRejected(13, "serviceReferral", "RUJUKAN/RPTC/2025/037/SHELTER"),
  // "Selesai" (COMPLETED) needs the exit date.
  rowRejected(14, "person", "KLIEN/RPTC/2025/038"),
  rejected(14, "serviceReferral", "RUJUKAN/RPTC/2025/038/SHELTER", "completedAt", "Tgl Keluar", "REQUIRED"),
  created(15, "person", "KLIEN/RPTC/2025/039"),
  created(15, "serviceReferral", "RUJUKAN/RPTC/2025/039/SHELTER"),
  created(15, "serviceReferral", "RUJUKAN/RPTC/2025/039/LANJUTAN"),
];

const ew = (n: number) => `EW/ETK/2025/07/00${n}`;
const LTSA_FIRST: string[] = [
  created(4, "earlyWarningReport", ew(1)),
  created(5, "earlyWarningReport", ew(2)),
  created(6, "earlyWarningReport", ew(3)),
  rejected(7, "earlyWarningReport", ew(4), "reportedAt", null, "INVALID_DATE"),
  created(8, "earlyWarningReport", ew(5)),
  rejected(9, "earlyWarningReport", ew(6), "source", "Sumber Informasi", "VALUE_NOT_MAPPED"),
  rejected(10, "earlyWarningReport", ew(7), "reportedAt", null, "DATE_IN_FUTURE"),
  rejected(11, "earlyWarningReport", ew(8), "description", "Uraian Kejadian", "REQUIRED"),
  created(12, "earlyWarningReport", ew(9)),
];

export const FIRST_IMPORT: Record<SampleKey, string[]> = { bp3mi: BP3MI_FIRST, dinsos: DINSOS_FIRST, ltsa: LTSA_FIRST };

/** The same file imported again: everything that was stored comes back UNCHANGED, the rest as before. */
export function reimport(lines: string[]): string[] {
  return lines.map((l) => l.replace(/ (CREATED|UPDATED) /, " UNCHANGED ").replace(/ (CREATED|UPDATED)$/, " UNCHANGED"));
}

/** A report line (from the file or the HTTP answer) in the form above. */
export function describeLine(l: { row: unknown; record: unknown; externalId: unknown; status: unknown; field?: unknown; column?: unknown; code?: unknown }): string {
  const blank = (v: unknown) => v === null || v === undefined || v === "";
  const base = `${l.row} ${l.record} ${l.externalId} ${l.status}`;
  if (blank(l.field) && blank(l.column) && blank(l.code)) return base;
  return `${base} ${blank(l.field) ? "-" : String(l.field)} ${blank(l.column) ? "-" : `[${String(l.column)}]`} ${blank(l.code) ? "-" : String(l.code)}`;
}
