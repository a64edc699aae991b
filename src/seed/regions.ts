// The kode wilayah the demo uses: the real provinces, kabupaten/kota, kecamatan and desa/kelurahan
// of Kalimantan Barat (61) and Kalimantan Selatan (63), read from the bundled reference dataset
// (src/regions/source.ts, the same rows `tppo-hub regions sync` loads). Read on first use (a few
// milliseconds: only those provinces' lines are parsed) and cached; the same dataset version gives
// the same demo.
import { bundledSource, readRegionSource, type RegionRow } from "../regions/source";

export type RegionSeed = { code: string; name: string };
export type DemoProvince = "61" | "63";
export const DEMO_PROVINCES: readonly DemoProvince[] = ["61", "63"];

/**
 * Kecamatan with a PLBN (domain.md §3): Aruk, Entikong, Nanga Badau, Jagoi Babang. Names as in the
 * dataset (src/seed/regions.test.ts checks them).
 */
export const DISTRICTS: readonly RegionSeed[] = [
  { code: "61.01.09", name: "Sajingan Besar" }, // PLBN Aruk
  { code: "61.03.21", name: "Entikong" },
  { code: "61.06.14", name: "Badau" }, // PLBN Nanga Badau
  { code: "61.07.07", name: "Jagoi Babang" },
];

type Demo = { rows: RegionRow[]; byCode: Map<string, RegionRow>; children: Map<string, RegionSeed[]> };
let demo: Demo | undefined;

function load(): Demo {
  if (demo) return demo;
  const rows = readRegionSource(bundledSource(), DEMO_PROVINCES.map((p) => `${p}.`));
  const children = new Map<string, RegionSeed[]>();
  for (const r of rows) {
    if (r.parentCode === null) continue;
    const list = children.get(r.parentCode) ?? [];
    list.push({ code: r.code, name: r.name });
    children.set(r.parentCode, list);
  }
  return (demo = { rows, byCode: new Map(rows.map((r) => [r.code, r])), children });
}

/** Every region of the demo provinces, parents first. */
export function demoRegions(): readonly RegionRow[] {
  return load().rows;
}

/** The official name of a demo region (kabupaten/kota, kecamatan, ...), or the code itself if unknown. */
export function regionName(code: string): string {
  return load().byCode.get(code)?.name ?? code;
}

export function regenciesIn(province: DemoProvince): RegionSeed[] {
  return load().children.get(province) ?? [];
}

/** Kecamatan the demo can place people in, by province, in code order. */
export function districtsIn(province: DemoProvince): RegionSeed[] {
  return regenciesIn(province).flatMap((r) => load().children.get(r.code) ?? []);
}

/** Desa/kelurahan of a kecamatan, in code order. */
export function villagesIn(districtCode: string): RegionSeed[] {
  return load().children.get(districtCode) ?? [];
}
