// BP3MI's register for the demo, derived from the hub's demo records (src/seed/records.ts), so
// the placements belong to the same persons, NIKs, passports and P3MI licences the hub knows.
import type { DemoRecords } from "../../src/seed/records";
import { REFERENCE_DATE } from "../../src/seed/prng";
import { codeFor, DESTINATION, LICENCE_STATUS, type PlacementStatusCode, type SectorCode } from "./codes";
import type { P3mi, Penempatan, RegisterData } from "./register";

type DateLike = Date | string;
const day = (d: DateLike): string => new Date(d).toISOString().slice(0, 10);
const dayOrNull = (d: DateLike | null | undefined): string | null => (d == null ? null : day(d));

/** A SIP3MI is valid five years and renewed while the company stays licensed. */
const LICENCE_YEARS = 5;

function licence(number: string, issuedOn: DateLike, status: LicenceStatusName): Pick<P3mi, "tgl_terbit" | "berlaku_sampai"> {
  const year = Number(/\/(\d{4})$/.exec(number)?.[1]);
  const issued = new Date(issuedOn);
  issued.setUTCFullYear(year);
  const until = new Date(issued);
  until.setUTCFullYear(year + LICENCE_YEARS);
  // A licence in force was renewed past the reference date; an expired one lapsed before it.
  while (status !== "EXPIRED" && status !== "REVOKED" && until <= REFERENCE_DATE) until.setUTCFullYear(until.getUTCFullYear() + LICENCE_YEARS);
  while (status === "EXPIRED" && until > REFERENCE_DATE) until.setUTCFullYear(until.getUTCFullYear() - 1);
  return { tgl_terbit: day(issued), berlaku_sampai: day(until) };
}
type LicenceStatusName = (typeof LICENCE_STATUS)[keyof typeof LICENCE_STATUS]["schema"];

function status(p: { caseId?: string | null; returnDate?: DateLike | null; departureDate?: DateLike | null }, registered: string): Penempatan["status"] {
  const back = dayOrNull(p.returnDate);
  const [kode, sejak]: [PlacementStatusCode, string] = p.caseId
    ? back ? ["06", back] : ["05", registered]
    : back ? ["04", back] : new Date(p.departureDate!) > REFERENCE_DATE ? ["02", registered] : ["03", day(p.departureDate!)];
  return { kode, sejak };
}

function sector(industry: string | null | undefined): SectorCode | null {
  if (!industry) return null;
  return industry === "T_ActivitiesOfHouseholdsAsEmployers" ? "I" : "F";
}

/** BP3MI's register: every demo placement and every licensed P3MI company, in BP3MI's shape. */
export function bp3miDemoData(records: DemoRecords): RegisterData {
  const persons = new Map(records.persons.map((p) => [p.id!, p]));
  const orgs = new Map(records.organizations.map((o) => [o.id, o]));
  const docs = new Map<string, { NIK?: string; PASSPORT?: string }>();
  for (const d of records.identityDocuments) {
    if ((d.type !== "NIK" && d.type !== "PASSPORT") || !d.number) continue;
    const held = docs.get(d.personId) ?? {};
    held[d.type] ??= d.number;
    docs.set(d.personId, held);
  }
  // The name BP3MI itself wrote down, where it made a statement about the person.
  const bp3miName = new Map<string, string>();
  for (const s of records.personStatements) {
    if (s.sourceAgency.startsWith("BP3MI-") && s.fullName && !bp3miName.has(s.personId)) bp3miName.set(s.personId, s.fullName);
  }

  const p3mi: P3mi[] = records.organizations.flatMap((o) => {
    if (o.kind !== "P3MI" || !o.licenceNumber || !o.licenceStatus || o.licenceStatus === "NONE") return [];
    const name = o.licenceStatus;
    return [{
      nomor_sip3mi: o.licenceNumber,
      nama_perusahaan: o.name.toUpperCase(),
      status_izin: codeFor(LICENCE_STATUS, "schema", name),
      ...licence(o.licenceNumber, o.contributedAt, name),
      upt: o.sourceAgency,
      kode_wilayah: o.regionCode,
    }];
  });

  const penempatan: Penempatan[] = records.migrantPlacements.map((m) => {
    const worker = persons.get(m.workerId);
    const company = m.p3miId ? orgs.get(m.p3miId) : undefined;
    const employer = m.employerId ? orgs.get(m.employerId) : undefined;
    const held = docs.get(m.workerId) ?? {};
    const registered = day(m.contributedAt!);
    return {
      // Numbers run per office (UPT): the office's region makes them unique in the one register.
      no_registrasi: `${m.sourceAgency.replace(/^BP3MI-/, "")}/${m.externalId}`,
      id_pmi: m.idPmi ?? null,
      upt: m.sourceAgency,
      jalur: m.procedural ? "P" : "NP",
      pmi: {
        nama: (bp3miName.get(m.workerId) ?? worker?.fullName ?? "TANPA NAMA").toUpperCase(),
        nik: held.NIK ?? null,
        no_paspor: held.PASSPORT ?? null,
        kode_wilayah_asal: worker?.originRegionCode ?? null,
      },
      p3mi: company?.licenceNumber ? { nomor_sip3mi: company.licenceNumber, nama: company.name.toUpperCase() } : null,
      penempatan: {
        kode_negara: codeFor(DESTINATION, "iso", m.destinationCountry as (typeof DESTINATION)[keyof typeof DESTINATION]["iso"]),
        kota: m.destinationCity ?? null,
        jabatan: m.jobTitle ?? null,
        sektor: sector(m.industry),
        majikan: employer?.name ?? null,
      },
      status: status(m, registered),
      tgl_daftar: registered,
      tgl_berangkat: day(m.departureDate!),
      tgl_pulang: dayOrNull(m.returnDate),
    };
  });
  return { penempatan, p3mi };
}
