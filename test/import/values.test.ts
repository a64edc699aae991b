// Cell values as records need them: dates in the formats offices write, value maps, booleans,
// numbers and lists; each problem with its code and both languages.
import { parseDateText, fromExcelSerial, isDateFormat } from "../../src/import/dates";
import { compileMap, convertCell, ValueError, type Cell } from "../../src/import/values";
import type { FieldSource } from "../../src/import/mapping";

const FORMATS = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "excel"];
const opts = { dateFormats: FORMATS, timeZone: "+07:00" };
const conv = (c: Cell, src: FieldSource, map: Record<string, unknown> | null = null) => convertCell(c, src, map ? compileMap("m", map) : null, opts);
const fails = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValueError) return { code: err.code, en: err.message, id: err.alasan };
    throw err;
  }
  throw new Error("did not fail");
};

describe("dates", () => {
  it.each([
    ["12/07/2025", "2025-07-12"],
    ["2/7/2025", "2025-07-02"],
    ["2025-07-12", "2025-07-12"],
    ["12 Juli 2025", "2025-07-12"],
    ["12 Jul 2025", "2025-07-12"],
    ["1 Agustus 2024", "2024-08-01"],
    ["1 Agu 2024", "2024-08-01"],
    ["3 Desember 1999", "1999-12-03"],
    ["3 December 1999", "1999-12-03"],
    ["29 Februari 2024", "2024-02-29"],
    ["45853", "2025-07-15"],
  ])("%s -> %s", (text, iso) => {
    expect(conv(text, { column: "x", type: "date" })).toBe(iso);
  });

  it("reads real date cells and Excel serial numbers", () => {
    expect(conv(new Date(Date.UTC(1995, 4, 12)), { column: "x", type: "date" })).toBe("1995-05-12");
    expect(conv(33000, { column: "x", type: "date" })).toBe("1990-05-07");
    expect(fromExcelSerial(1)).toEqual({ y: 1900, m: 1, d: 1 });
    expect(fromExcelSerial(61)).toEqual({ y: 1900, m: 3, d: 1 });
  });

  it("refuses impossible dates and text in no format, in both languages", () => {
    for (const bad of ["31/02/1990", "29 Februari 2023", "12 Juloi 2025", "kemarin"]) {
      const e = fails(() => conv(bad, { column: "x", type: "date" }));
      expect(e.code).toBe("INVALID_DATE");
      expect(e.en).toContain(bad);
      expect(e.id).toContain("bukan tanggal");
    }
    expect(parseDateText("12/07/2025", ["yyyy-MM-dd"])).toBeNull();
    // Serial numbers count only where the mapping lists "excel".
    expect(() => convertCell(33000, { column: "x", type: "date" }, null, { dateFormats: ["dd/MM/yyyy"], timeZone: "+07:00" })).toThrow(ValueError);
  });

  it("knows which formats it can read", () => {
    expect(["dd/MM/yyyy", "dd/mm/yyyy", "d MMMM yyyy", "yyyy-MM-dd", "excel", "dd.MM.yyyy"].every(isDateFormat)).toBe(true);
    expect(parseDateText("02/07/2025", ["dd/mm/yyyy"])).toEqual({ y: 2025, m: 7, d: 2 });
    expect(["dd/MM", "yyyy-MM-dd-dd", "tanggal"].some(isDateFormat)).toBe(false);
  });

  it("reads date-times in the mapping's time zone", () => {
    expect(conv("14/03/2026 08:30", { column: "x", type: "datetime" })).toBe("2026-03-14T08:30:00+07:00");
    expect(conv("2026-03-14T08:30:00Z", { column: "x", type: "datetime" })).toBe("2026-03-14T08:30:00Z");
    expect(conv(new Date(Date.UTC(2026, 2, 14, 8, 30)), { column: "x", type: "datetime" })).toBe("2026-03-14T08:30:00+07:00");
  });
});

describe("value maps, booleans, numbers, lists", () => {
  const sex = { P: "Feminine", "Laki-laki": "Masculine" };
  it("matches map keys ignoring case and spaces", () => {
    expect(conv("p", { column: "x", map: "sex" }, sex)).toBe("Feminine");
    expect(conv("  LAKI-LAKI ", { column: "x", map: "sex" }, sex)).toBe("Masculine");
    const e = fails(() => conv("Wanita", { column: "x", map: "sex" }, sex));
    expect(e).toMatchObject({ code: "VALUE_NOT_MAPPED" });
    expect(e.en).toContain('"Wanita" is not in the value map');
    expect(e.en).toContain("P, Laki-laki");
    expect(e.id).toContain("tidak ada dalam daftar padanan");
  });

  it.each([["Ya", true], ["y", true], ["TIDAK", false], ["T", false], ["1", true], ["0", false], ["true", true], ["false", false], [true, true]] as const)(
    "boolean %s -> %s",
    (cell, value) => expect(conv(cell, { column: "x", type: "boolean" })).toBe(value),
  );

  it("refuses other booleans and non-numbers", () => {
    expect(fails(() => conv("mungkin", { column: "x", type: "boolean" })).code).toBe("INVALID_BOOLEAN");
    expect(fails(() => conv("12,5", { column: "x", type: "int" })).code).toBe("INVALID_NUMBER");
    expect(fails(() => conv("dua", { column: "x", type: "number" })).code).toBe("INVALID_NUMBER");
  });

  it("reads numbers (decimal comma too) and integers", () => {
    expect(conv("17", { column: "x", type: "int" })).toBe(17);
    expect(conv(17, { column: "x", type: "int" })).toBe(17);
    expect(conv("12,5", { column: "x", type: "number" })).toBe(12.5);
  });

  it("splits lists on , and ; and maps each item", () => {
    expect(conv("MY; SG ,BN", { column: "x", type: "list" })).toEqual(["MY", "SG", "BN"]);
    expect(conv("Malaysia;Brunei", { column: "x", type: "list", map: "c" }, { malaysia: "MY", brunei: "BN" })).toEqual(["MY", "BN"]);
  });

  it("keeps long digit strings from number cells exact (no exponent)", () => {
    expect(conv(6171014512900001, { column: "x" })).toBe("6171014512900001");
  });
});
