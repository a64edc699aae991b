// Imigrasi's own tables on PGlite (in memory, the demo) and on a real PostgreSQL database: the
// demo crossings in Imigrasi's layout and codes, loaded idempotently, looked up by passport with
// the territorial scope in the SQL.
import { demoRecords, type DemoRecords } from "../../src/seed/records";
import { backends, emptyPostgresUrl } from "../../test/support/hub";
import { CHECKPOINT_KIND, COUNTRY, decode, DIRECTION, TRAVEL_DOCUMENT, UnknownCodeError } from "./codes";
import { crossingsByPassport, insertCrossings, type PerlintasanRow } from "./crossings";
import { openImigrasiDb, type ImigrasiDb } from "./database";
import { imigrasiDemoRows } from "./demo-data";
import { createTables, TPI } from "./tables";

let records: DemoRecords;
let rows: PerlintasanRow[];
beforeAll(async () => {
  records = await demoRecords({ scale: 1 });
  rows = imigrasiDemoRows(records);
});

describe("Imigrasi demo crossings", () => {
  it("are the hub's crossings at checkpoints, with the same travellers, documents and times", () => {
    const atCheckpoints = records.borderCrossings.filter((c) => c.documentNumber && c.post !== "INFORMAL_PATH" && c.post !== "OTHER");
    expect(rows).toHaveLength(atCheckpoints.length);
    expect(new Set(rows.map((r) => r.no_register)).size).toBe(rows.length);
    const holder = new Map(records.identityDocuments.map((d) => [`${d.type}:${d.number}`, d.personId]));
    for (const [i, c] of atCheckpoints.entries()) {
      const r = rows[i]!;
      expect(r.waktu_perlintasan.getTime()).toBe(new Date(c.crossedAt).getTime());
      expect(holder.get(`${decode(TRAVEL_DOCUMENT, "document", r.jenis_dokumen)}:${r.no_dokumen}`)).toBe(c.personId);
      expect(decode(DIRECTION, "direction", r.arah)).toBe(c.direction);
      expect(decode(COUNTRY, "country", r.negara_asal_tujuan)).toBe(c.counterpartCountry);
    }
    expect(new Set(rows.map((r) => r.jenis_dokumen))).toEqual(new Set(["PSPR", "PLB", "SPLP"]));
    expect(() => decode(COUNTRY, "country", "XYZ")).toThrow(UnknownCodeError);
    for (const t of TPI) expect(decode(CHECKPOINT_KIND, "kind", t.jenis_tpi)).toMatch(/^(AIRPORT|SEAPORT|LAND_BORDER)$/);
  });
});

describe.each(backends)("Imigrasi tables on %s", (backend) => {
  let db: ImigrasiDb;
  beforeAll(async () => {
    db = await openImigrasiDb(backend === "postgres" ? { url: await emptyPostgresUrl() } : {});
    expect(db.kind).toBe(backend === "postgres" ? "postgres" : "pglite");
  });
  afterAll(() => db?.close());

  it("are created in schema simkim, twice without harm, and take the demo rows once", async () => {
    await createTables(db);
    await createTables(db);
    const columns = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'simkim' AND table_name = 'perlintasan' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      "id_perlintasan", "no_register", "kode_tpi", "arah", "waktu_perlintasan", "jenis_dokumen", "no_dokumen", "nama_pelintas", "kewarganegaraan", "negara_asal_tujuan", "deportasi",
    ]);
    expect(await insertCrossings(db, rows)).toBe(rows.length);
    expect(await insertCrossings(db, rows)).toBe(0);
    const [n] = await db.query<{ n: number | string }>(`SELECT count(*) AS n FROM simkim.perlintasan`);
    expect(Number(n!.n)).toBe(rows.length);
  });

  it("finds passport crossings only, with their checkpoint, and applies the territorial scope in SQL", async () => {
    const kalsel = rows.find((r) => r.jenis_dokumen === "PSPR" && r.kode_tpi === "BDJ")!;
    const entikong = rows.find((r) => r.jenis_dokumen === "PSPR" && r.kode_tpi === "ETK")!;
    const splp = rows.find((r) => r.jenis_dokumen === "SPLP")!;
    const all = await crossingsByPassport(db, [kalsel.no_dokumen, entikong.no_dokumen, splp.no_dokumen], { jurisdiction: null });
    expect(all.map((r) => r.no_register)).toEqual(expect.arrayContaining([kalsel.no_register, entikong.no_register]));
    expect(all.some((r) => r.jenis_dokumen !== "PSPR")).toBe(false);
    const got = all.find((r) => r.no_register === entikong.no_register)!;
    expect(got).toMatchObject({ ...entikong, nama_tpi: "PLBN Entikong", kode_wilayah: "61.03.21", jenis_tpi: "D" });
    const kalbar = await crossingsByPassport(db, [kalsel.no_dokumen, entikong.no_dokumen], { jurisdiction: ["61"] });
    expect(kalbar.every((r) => r.kode_wilayah.startsWith("61."))).toBe(true);
    expect(kalbar.map((r) => r.no_register)).toContain(entikong.no_register);
    expect(kalbar.map((r) => r.no_register)).not.toContain(kalsel.no_register);
    // Whole segments only: "61.0" is no prefix of "61.03.21".
    expect(await crossingsByPassport(db, [entikong.no_dokumen], { jurisdiction: ["61.0"] })).toEqual([]);
    expect(await crossingsByPassport(db, [entikong.no_dokumen], { jurisdiction: [] })).toEqual([]);
  });
});
