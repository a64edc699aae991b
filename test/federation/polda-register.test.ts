// Polda's register (examples/polda): the demo register names the hub demo's Polda cases, and its
// unit scope is applied inside the register's SQL.
import { demoRecords } from "../../src/seed/records";
import { demoRegister, POLDA_AGENCY } from "../../examples/polda/from-demo";
import { toInvestigation } from "../../examples/polda/mapping";
import { PoldaRegister } from "../../examples/polda/register";

describe("Polda's investigation register (examples/polda)", () => {
  let register: PoldaRegister;
  let records: Awaited<ReturnType<typeof demoRecords>>;
  let demo: ReturnType<typeof demoRegister>;

  beforeAll(async () => {
    records = await demoRecords({ scale: 1 });
    demo = demoRegister(records);
    register = await PoldaRegister.open();
    await register.load(demo);
  });
  afterAll(() => register?.close());

  it("has one report for every case Polda Kalbar contributed with a police report, under the case's externalId", () => {
    const poldaCases = records.cases.filter((c) => c.sourceAgency === POLDA_AGENCY);
    const reported = new Set(records.legalProceedings.filter((p) => p.sourceAgency === POLDA_AGENCY && p.policeReportNumber).map((p) => p.caseId));
    const expected = poldaCases.filter((c) => reported.has(c.id!)).map((c) => c.externalId).sort();
    expect(expected.length).toBeGreaterThan(20);
    expect(demo.laporan.map((l) => l.no_kasus_emp).sort()).toEqual(expected);
  });

  it("is the same register on every run (deterministic from the demo records)", async () => {
    expect(demoRegister(await demoRecords({ scale: 1 }))).toEqual(demo);
  });

  it("maps its own stage codes and rows onto PoldaInvestigation; the latest stage is current", async () => {
    const all = await register.byCaseNumbers(demo.laporan.map((l) => l.no_kasus_emp), "all");
    expect(all).toHaveLength(demo.laporan.length);
    for (const row of all) {
      const history = demo.riwayat.filter((r) => r.no_lp === row.no_lp).sort((a, b) => a.urutan - b.urutan);
      expect(row.tahap).toBe(history.at(-1)!.tahap);
      expect(history[0]!.tahap).toBe("LIDIK");
      const inv = toInvestigation(row);
      expect(inv.reportNumber).toMatch(/^LP\/B\/\d+\/[IVX]+\/\d{4}\/SPKT\/POLDA KALIMANTAN BARAT$/);
      expect(["PENYELIDIKAN", "PENYIDIKAN", "P19", "P21", "TAHAP_II", "SP3", "DILIMPAHKAN"]).toContain(inv.stage);
      expect(inv.stageSince >= inv.reportDate).toBe(true);
    }
    // The demo covers more than one stage and more than one unit.
    expect(new Set(all.map((r) => r.tahap)).size).toBeGreaterThan(2);
    expect(new Set(all.map((r) => r.nama_satker)).size).toBeGreaterThan(3);
  });

  it("applies the unit scope in SQL: a Polres sees its own reports, the province prefix every report", async () => {
    const numbers = demo.laporan.map((l) => l.no_kasus_emp);
    const sanggau = await register.byCaseNumbers(numbers, { regionPrefixes: ["61.03"] });
    expect(sanggau.length).toBeGreaterThan(0);
    expect(sanggau.every((r) => r.kode_wilayah === "61.03")).toBe(true);
    expect(await register.byCaseNumbers(numbers, { regionPrefixes: ["61"] })).toHaveLength(numbers.length);
    // "61.0" is not a region: prefixes match whole code segments only.
    expect(await register.byCaseNumbers(numbers, { regionPrefixes: ["61.0"] })).toEqual([]);
    expect(await register.byCaseNumbers(numbers, { regionPrefixes: ["63"] })).toEqual([]);
    expect(await register.byCaseNumbers(numbers, { regionPrefixes: [] })).toEqual([]);
  });
});
