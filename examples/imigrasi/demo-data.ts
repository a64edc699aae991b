// Imigrasi's crossing records for the demo, derived from the hub's demo records
// (src/seed/records.ts): the same travellers, passports and dates, in Imigrasi's own layout.
import type { DemoRecords } from "../../src/seed/records";
import { codeOf, COUNTRY, DIRECTION, TRAVEL_DOCUMENT } from "./codes";
import type { PerlintasanRow } from "./crossings";

/** The checkpoint (TPI code) of each hub border post Imigrasi staffs; informal paths have none. */
export const TPI_OF_POST: Readonly<Record<string, string>> = {
  PLBN_ENTIKONG: "ETK",
  PLBN_ARUK: "ARK",
  SAJINGAN: "SJG",
  PLBN_NANGA_BADAU: "NBD",
  PLBN_SEI_KELIK: "SKL",
  PLBN_JAGOI_BABANG: "JGB",
  AIRPORT_SUPADIO_PONTIANAK: "PNK",
  SEAPORT_DWIKORA_PONTIANAK: "DWK",
  AIRPORT_SYAMSUDIN_NOOR_BANJARMASIN: "BDJ",
  SEAPORT_TRISAKTI_BANJARMASIN: "TRS",
};

/** Every demo crossing at a checkpoint with a travel document, as a row of simkim.perlintasan. */
export function imigrasiDemoRows(records: DemoRecords): PerlintasanRow[] {
  const persons = new Map(records.persons.map((p) => [p.id!, p]));
  // The name Imigrasi itself wrote down, where it made a statement about the person.
  const imigrasiName = new Map<string, string>();
  for (const s of records.personStatements) {
    if (s.sourceAgency.startsWith("IMIGRASI-") && s.fullName && !imigrasiName.has(s.personId)) imigrasiName.set(s.personId, s.fullName);
  }
  return records.borderCrossings.flatMap((c) => {
    const tpi = TPI_OF_POST[c.post];
    if (!tpi || !c.documentType || !c.documentNumber || !c.personId) return [];
    const person = persons.get(c.personId);
    const nationality = person?.nationality;
    const kwn = (Array.isArray(nationality) ? nationality[0] : undefined) ?? "ID";
    return [{
      // Register numbers run per office: the office's name makes them unique in the one table.
      no_register: `${c.sourceAgency.replace(/^IMIGRASI-/, "")}/${c.externalId}`,
      kode_tpi: tpi,
      arah: codeOf(DIRECTION, c.direction),
      waktu_perlintasan: new Date(c.crossedAt),
      jenis_dokumen: codeOf(TRAVEL_DOCUMENT, c.documentType),
      no_dokumen: c.documentNumber,
      nama_pelintas: (imigrasiName.get(c.personId) ?? person?.fullName ?? "TANPA NAMA").toUpperCase(),
      kewarganegaraan: codeOf(COUNTRY, kwn),
      negara_asal_tujuan: codeOf(COUNTRY, c.counterpartCountry ?? ""),
      deportasi: c.deportation ?? false,
    }];
  });
}
