// The reference regions (src/regions): every fresh hub database has all of Indonesia from the
// bundled idn-area-data; a sync is versioned and idempotent; a newer release retires codes it
// lacks (kept, with the version that dropped them) and keeps the earlier name of a renamed region.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "../../src/db/database";
import { bundledSource, readRegionSource, RegionSourceError, type RegionSource } from "../../src/regions/source";
import { syncRegions } from "../../src/regions/sync";
import { applyMigrations } from "../../src/db/migrations";
import { backends, emptyDatabase, freshDatabase } from "../support/hub";

const bundled = bundledSource();
const CODE_VERSION = `idn-area-data@${bundled.version}`;

/**
 * A release of Kalimantan Barat alone (2,300 rows: quick to sync several times), from the bundled
 * CSVs, edited line by line.
 */
function kalbarRelease(version: string, edit: (file: string, lines: string[]) => string[] = (_f, l) => l): RegionSource {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tppo-regions-"));
  for (const file of ["provinces.csv", "regencies.csv", "districts.csv", "villages.csv"]) {
    const lines = fs.readFileSync(path.join(bundled.dir, file), "utf8").split("\n").filter((l, i) => i === 0 || l.startsWith("61"));
    fs.writeFileSync(path.join(dir, file), edit(file, lines).join("\n"));
  }
  return { dataset: "kalbar-test", version, dir };
}

describe.each(backends)("reference regions on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase(backend);
  });
  afterAll(() => db.close());

  it("a fresh database holds every province, kabupaten/kota, kecamatan and desa of the dataset", async () => {
    const byLevel = await db.raw.query<{ level: string; n: string | number }>(`SELECT level, count(*) AS n FROM "Region" GROUP BY level ORDER BY level`);
    expect(Object.fromEntries(byLevel.map((r) => [r.level, Number(r.n)]))).toEqual({ PROVINCE: 38, REGENCY: 514, DISTRICT: 7285, VILLAGE: 83762 });
    const ledger = await db.prisma.regionSync.findMany();
    expect(ledger).toEqual([expect.objectContaining({ dataset: "idn-area-data", version: bundled.version, provinces: 38, regencies: 514, districts: 7285, villages: 83762, retired: 0 })]);
    const plbn = await db.prisma.region.findMany({ where: { code: { in: ["61.01.09", "61.03.21", "61.06.14", "61.07.07"] } }, orderBy: { code: "asc" } });
    expect(plbn.map((r) => [r.code, r.name, r.level, r.parentCode, r.codeVersion, r.retiredAt])).toEqual([
      ["61.01.09", "Sajingan Besar", "DISTRICT", "61.01", CODE_VERSION, null],
      ["61.03.21", "Entikong", "DISTRICT", "61.03", CODE_VERSION, null],
      ["61.06.14", "Badau", "DISTRICT", "61.06", CODE_VERSION, null],
      ["61.07.07", "Jagoi Babang", "DISTRICT", "61.07", CODE_VERSION, null],
    ]);
  });

  it("a version already loaded is not loaded again", async () => {
    const before = await db.raw.query(`SELECT md5(string_agg(code || name || "codeVersion", ',' ORDER BY code)) AS h FROM "Region"`);
    expect(await syncRegions(db.raw, bundled)).toMatchObject({ applied: false, reason: "already-applied" });
    expect(await db.prisma.regionSync.count()).toBe(1);
    expect(await db.raw.query(`SELECT md5(string_agg(code || name || "codeVersion", ',' ORDER BY code)) AS h FROM "Region"`)).toEqual(before);
  });

  it("a newer release retires a vanished code (kept, still referenced), renames with history, adds new codes", async () => {
    const small = await emptyDatabase(backend);
    await applyMigrations(small.raw);
    try {
      await newerReleaseScenario(small);
    } finally {
      await small.close();
    }
  });
});

async function newerReleaseScenario(db: Database): Promise<void> {
  const first = kalbarRelease("1.0.0");
  expect(await syncRegions(db.raw, first)).toMatchObject({ applied: true, added: 2334, renamed: 0, retired: 0 });
  // A person born in the village the newer release drops: cases and NIKs keep such codes.
  const gone = "61.03.21.2001"; // Nekan, Entikong
  const person = await db.prisma.person.create({ data: { fullName: "Test", originRegionCode: gone } });
  const newer = kalbarRelease("9.0.0", (file, lines) => {
    if (file === "villages.csv") return [...lines.filter((l) => !l.startsWith(`${gone},`)), "61.03.21.2099,61.03.21,Desa Baru"];
    if (file === "districts.csv") return lines.map((l) => (l === "61.06.14,61.06,Badau" ? "61.06.14,61.06,Nanga Badau" : l));
    return lines;
  });
  const r = await syncRegions(db.raw, newer);
  expect(r).toMatchObject({ applied: true, version: "9.0.0", added: 1, renamed: 1, retired: 1, villages: 2145 });

  const retired = await db.prisma.region.findUniqueOrThrow({ where: { code: gone } });
  expect([retired.name, retired.codeVersion, retired.retiredInVersion, retired.retiredAt instanceof Date]).toEqual(["Nekan", "kalbar-test@1.0.0", "kalbar-test@9.0.0", true]);
  expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).originRegionCode).toBe(gone);

  const badau = await db.prisma.region.findUniqueOrThrow({ where: { code: "61.06.14" }, include: { nameHistory: true } });
  expect(badau.name).toBe("Nanga Badau");
  expect(badau.codeVersion).toBe("kalbar-test@9.0.0");
  expect(badau.nameHistory.map((h) => [h.name, h.version, h.replacedInVersion])).toEqual([["Badau", "kalbar-test@1.0.0", "kalbar-test@9.0.0"]]);
  expect(await db.prisma.region.findUniqueOrThrow({ where: { code: "61.03.21.2099" } })).toMatchObject({ name: "Desa Baru", parentCode: "61.03.21", retiredAt: null });

  // An older release is never applied over a newer one (each restart runs the bundled sync).
  expect(await syncRegions(db.raw, first)).toMatchObject({ applied: false, reason: "newer-applied", current: "9.0.0" });
  expect(await db.prisma.region.findUniqueOrThrow({ where: { code: "61.06.14" } })).toMatchObject({ name: "Nanga Badau" });

  // A release that has the code again reinstates it.
  const again = kalbarRelease("9.1.0");
  expect(await syncRegions(db.raw, again)).toMatchObject({ applied: true, added: 0, renamed: 1, retired: 1 }); // Desa Baru retired, Badau named back
  expect(await db.prisma.region.findUniqueOrThrow({ where: { code: gone } })).toMatchObject({ retiredAt: null, retiredInVersion: null, codeVersion: "kalbar-test@9.1.0" });
  expect((await db.prisma.regionSync.findMany({ orderBy: { id: "asc" } })).map((s) => s.version)).toEqual(["1.0.0", "9.0.0", "9.1.0"]);
}

describe("reading a region source", () => {
  it("names the file and line of a bad row, and a missing file", () => {
    const bad = kalbarRelease("0.0.1", (file, lines) => (file === "districts.csv" ? [...lines.slice(0, 3), "61.03.2x,61.03,Typo", ...lines.slice(3)] : lines));
    expect(() => readRegionSource(bad)).toThrow(RegionSourceError);
    expect(() => readRegionSource(bad)).toThrow(`${path.join(bad.dir, "districts.csv")}:4: code "61.03.2x" is not a district kode wilayah`);
    const orphan = kalbarRelease("0.0.1", (file, lines) => (file === "villages.csv" ? [lines[0]!, "99.01.01.2001,99.01.01,Nowhere"] : lines));
    expect(() => readRegionSource(orphan)).toThrow(`${path.join(orphan.dir, "villages.csv")}:2: region 99.01.01.2001: parent 99.01.01 is not in the source`);
    fs.rmSync(path.join(orphan.dir, "regencies.csv"));
    expect(() => readRegionSource(orphan)).toThrow(/regencies\.csv: missing/);
  });

  it("reads only the provinces asked for, with the lines they have in the file", () => {
    const rows = readRegionSource(bundled, ["61.", "63."]);
    expect(new Set(rows.map((r) => r.code.slice(0, 2)))).toEqual(new Set(["61", "63"]));
    expect(rows.filter((r) => r.level === "DISTRICT").length).toBe(174 + 156);
  });
});
