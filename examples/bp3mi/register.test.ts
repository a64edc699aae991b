// BP3MI's demo register: derived from the hub's demo records (same persons, NIKs, passports and
// P3MI licences), in BP3MI's own codes, every one of which the adapter can map back.
import { demoRecords, type DemoRecords } from "../../src/seed/records";
import { DESTINATION, LICENCE_STATUS, lookup, PLACEMENT_STATUS, UnknownCodeError } from "./codes";
import { bp3miDemoData } from "./demo-data";
import { inRegion, Register, type RegisterData } from "./register";

let records: DemoRecords;
let data: RegisterData;
beforeAll(async () => {
  records = await demoRecords({ scale: 1 });
  data = bp3miDemoData(records);
});

describe("BP3MI demo register", () => {
  it("holds every hub demo placement, under a registration number unique across offices", () => {
    expect(data.penempatan).toHaveLength(records.migrantPlacements.length);
    expect(new Set(data.penempatan.map((p) => p.no_registrasi)).size).toBe(data.penempatan.length);
  });

  it("names the workers by the NIKs and passports the hub holds for them", () => {
    const holder = new Map(records.identityDocuments.map((d) => [`${d.type}:${d.number}`, d.personId]));
    const byNumber = new Map(data.penempatan.map((p) => [p.no_registrasi, p]));
    let withPassport = 0;
    for (const m of records.migrantPlacements) {
      const p = byNumber.get(`${m.sourceAgency.replace("BP3MI-", "")}/${m.externalId}`)!;
      if (p.pmi.nik) expect(holder.get(`NIK:${p.pmi.nik}`)).toBe(m.workerId);
      if (p.pmi.no_paspor) {
        expect(holder.get(`PASSPORT:${p.pmi.no_paspor}`)).toBe(m.workerId);
        withPassport++;
      }
      expect(p.id_pmi).toBe(m.idPmi ?? null);
      expect(p.jalur).toBe(m.procedural ? "P" : "NP");
    }
    expect(withPassport).toBeGreaterThan(data.penempatan.length / 2);
  });

  it("uses only codes the adapter maps, and a mix of them", () => {
    for (const p of data.penempatan) {
      expect(lookup(DESTINATION, "destination", p.penempatan.kode_negara).iso).toMatch(/^[A-Z]{2}$/);
      lookup(PLACEMENT_STATUS, "placement status", p.status.kode);
    }
    for (const c of data.p3mi) lookup(LICENCE_STATUS, "licence status", c.status_izin);
    expect(new Set(data.penempatan.map((p) => p.status.kode)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(data.p3mi.map((c) => c.status_izin))).toEqual(new Set(["AKTIF", "BEKU", "CABUT", ...(data.p3mi.some((c) => c.status_izin === "HABIS") ? ["HABIS"] : [])]));
    expect(() => lookup(DESTINATION, "destination", "XXX")).toThrow(UnknownCodeError);
    expect(() => lookup(DESTINATION, "destination", "toString")).toThrow(/unknown destination code "toString"/);
  });

  it("carries the hub's P3MI licences, each placement's company among them", () => {
    const hubLicences = new Map(records.organizations.filter((o) => o.kind === "P3MI").map((o) => [o.licenceNumber, o.licenceStatus]));
    expect(data.p3mi).toHaveLength(hubLicences.size);
    for (const c of data.p3mi) expect(LICENCE_STATUS[c.status_izin].schema).toBe(hubLicences.get(c.nomor_sip3mi));
    const register = new Register(data);
    for (const p of data.penempatan.filter((x) => x.p3mi)) expect(register.searchP3mi([p.p3mi!.nomor_sip3mi])).toHaveLength(1);
    // A licence in force runs past the demo's reference date (2026-11-01); an expired one ended before it.
    for (const c of data.p3mi) {
      if (c.status_izin === "AKTIF" || c.status_izin === "BEKU") expect({ c, inForce: c.berlaku_sampai > "2026-11-01" }).toEqual({ c, inForce: true });
      if (c.status_izin === "HABIS") expect({ c, inForce: c.berlaku_sampai > "2026-11-01" }).toEqual({ c, inForce: false });
    }
  });
});

describe("Register search", () => {
  it("finds placements by NIK or passport, each once, and limits them to a region", () => {
    const register = new Register(data);
    const p = data.penempatan.find((x) => x.pmi.nik && x.pmi.no_paspor && x.pmi.kode_wilayah_asal)!;
    const both = register.searchPlacements({ nik: [p.pmi.nik!], no_paspor: [p.pmi.no_paspor!] });
    expect(both).toContain(p);
    expect(new Set(both).size).toBe(both.length);
    const province = p.pmi.kode_wilayah_asal!.slice(0, 2);
    expect(register.searchPlacements({ nik: [p.pmi.nik!], kode_wilayah: [province] })).toContain(p);
    expect(register.searchPlacements({ nik: [p.pmi.nik!], kode_wilayah: [province === "61" ? "63" : "61"] })).toEqual([]);
    expect(register.searchPlacements({ nik: ["0000000000000000"] })).toEqual([]);
  });

  it("matches kode wilayah by whole segments only", () => {
    expect(inRegion("61.03.21.2001", ["61"])).toBe(true);
    expect(inRegion("61.03.21.2001", ["61.03"])).toBe(true);
    expect(inRegion("61.03", ["61.03"])).toBe(true);
    expect(inRegion("61.03.21.2001", ["61.0"])).toBe(false);
    expect(inRegion("61.31", ["61.3"])).toBe(false);
    expect(inRegion(null, ["61"])).toBe(false);
  });
});
