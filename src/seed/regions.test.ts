import { bundledSource, readRegionSource } from "../regions/source";
import { DISTRICTS, districtsIn, regenciesIn, regionName, villagesIn } from "./regions";

const dataset = new Map(readRegionSource(bundledSource(), ["61.", "63."]).map((r) => [r.code, r.name]));

test("the PLBN kecamatan are the dataset's, with its names (61.06.14 is Badau, PLBN Nanga Badau)", () => {
  expect(DISTRICTS.map((d) => [d.code, dataset.get(d.code)])).toEqual(DISTRICTS.map((d) => [d.code, d.name]));
  expect(DISTRICTS.map((d) => d.name)).toEqual(["Sajingan Besar", "Entikong", "Badau", "Jagoi Babang"]);
});

test("the demo places people in every real kecamatan and desa of Kalbar and Kalsel, in code order", () => {
  expect(regenciesIn("61")).toHaveLength(14);
  expect(regenciesIn("63")).toHaveLength(13);
  const kalbar = districtsIn("61");
  expect(kalbar).toHaveLength(174);
  expect(districtsIn("63")).toHaveLength(156);
  expect(kalbar.map((d) => d.code)).toEqual([...kalbar.map((d) => d.code)].sort());
  for (const plbn of DISTRICTS) expect(kalbar).toContainEqual(plbn);
  expect(villagesIn("61.03.21")[0]).toEqual({ code: "61.03.21.2001", name: "Nekan" });
  for (const d of [...kalbar, ...districtsIn("63")]) {
    const villages = villagesIn(d.code);
    expect(villages.length).toBeGreaterThan(0);
    for (const v of villages) expect(v.code.startsWith(`${d.code}.`) && dataset.get(v.code) === v.name).toBe(true);
  }
  expect(regionName("61.03")).toBe("Kabupaten Sanggau");
});
