import { formatNik, NikAllocator, passportNumber } from "./nik";

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

describe("formatNik", () => {
  it("lays out PPKKCC DDMMYY SSSS with +40 on the day for women", () => {
    expect(formatNik("61.03.21", d(1998, 4, 7), "Masculine", 12)).toBe("6103210704980012");
    expect(formatNik("61.03.21", d(1998, 4, 7), "Feminine", 1)).toBe("6103214704980001");
    expect(formatNik("63.71.04", d(2004, 12, 31), "Feminine", 9999)).toBe("6371047112049999");
  });

  it("refuses what cannot be a NIK", () => {
    expect(() => formatNik("61.03", d(1998, 4, 7), "Masculine", 1)).toThrow(/kecamatan/);
    expect(() => formatNik("61.03.21", d(1998, 4, 7), "Masculine", 0)).toThrow(/serial/);
    expect(() => formatNik("61.03.21", d(1998, 4, 7), "Masculine", 10000)).toThrow(/serial/);
  });
});

describe("NikAllocator", () => {
  it("counts serials up per kecamatan, birth date and sex, never repeating a number", () => {
    const nik = new NikAllocator(["61.03.21", "61.01.09"]);
    const born = d(1990, 2, 28);
    expect(nik.next("61.03.21", born, "Feminine")).toBe("6103216802900001");
    expect(nik.next("61.03.21", born, "Feminine")).toBe("6103216802900002");
    expect(nik.next("61.03.21", born, "Masculine")).toBe("6103212802900001");
    expect(nik.next("61.01.09", born, "Feminine")).toBe("6101096802900001");
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(nik.next("61.03.21", d(1980 + (i % 30), 1 + (i % 12), 1 + (i % 28)), i % 2 ? "Feminine" : "Masculine"));
    expect(seen.size).toBe(5000);
  });

  it("refuses kecamatan it was not given and runs out loudly after serial 9999", () => {
    const nik = new NikAllocator(["61.03.21"]);
    expect(() => nik.next("61.71.01", d(1990, 1, 1), "Masculine")).toThrow(/unknown kecamatan/);
    for (let i = 0; i < 9999; i++) nik.next("61.03.21", d(1990, 1, 1), "Masculine");
    expect(() => nik.next("61.03.21", d(1990, 1, 1), "Masculine")).toThrow(/exhausted/);
  });
});

describe("passportNumber", () => {
  it("gives distinct numbers matching the loose passport pattern", () => {
    const seen = new Set<string>();
    const malformed: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const n = passportNumber(i);
      if (!/^[A-Z]{1,2}\d{6,7}$/.test(n)) malformed.push(n);
      seen.add(n.slice(1)); // digits alone are unique, whatever the letter
    }
    expect(malformed).toEqual([]);
    expect(seen.size).toBe(200_000);
  });
});
