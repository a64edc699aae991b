// Mapping files: every problem is one line naming its key path and the expected shape; unknown
// headers name the header and list those found; the committed JSON Schema is current.
import fs from "node:fs";
import { FIELD_ERROR_CODES } from "../../src/contribute/result";
import { mappingFromText, MappingError, parseMapping } from "../../src/import/mapping";
import { IMPORT_ERROR_CODES, MESSAGES } from "../../src/import/messages";
import { rowPlanner } from "../../src/import/plan-row";
import { MAPPING_SCHEMA_FILE, mappingSchemaText } from "../../scripts/import-mapping-schema";
import { HEADERS, MAPPING_YAML } from "./fixtures";

const problems = (text: string): string[] => {
  try {
    mappingFromText(text);
  } catch (err) {
    if (err instanceof MappingError) return err.problems;
    throw err;
  }
  throw new Error("mapping accepted");
};

const base = { version: 1, sourceSystem: "SIMPEL-XLS", records: [{ type: "person", externalId: { column: "No" }, fields: { fullName: { column: "Nama" } } }] };
const bad = (patch: (m: any) => void) => {
  const m = JSON.parse(JSON.stringify(base));
  patch(m);
  return problems(JSON.stringify(m));
};

describe("mapping file", () => {
  it("accepts the documented format (YAML) and fills defaults", () => {
    const m = mappingFromText(MAPPING_YAML);
    expect(m.headerRow).toBe(3);
    expect(m.records.map((r) => r.type)).toEqual(["person", "organization", "migrantPlacement"]);
    expect(parseMapping(base).dateFormats).toEqual(["yyyy-MM-dd", "dd/MM/yyyy", "d MMMM yyyy", "excel"]);
  });

  it("names the key path of an unknown value map and lists the known ones", () => {
    expect(bad((m) => (m.records[0].fields.sex = { column: "L/P", map: "gender" }))).toEqual(['records[0].fields.sex.map: unknown value map "gender" (known: none)']);
  });

  it("names the key path and expected shape of each problem, all at once", () => {
    const lines = bad((m) => {
      m.version = 2;
      m.headerRow = 0;
      m.records[0].type = "victim";
      m.records[0].fields.fullName = { column: "Nama", value: "x" };
      m.records[0].fields["documents[0].type"] = { colum: "Jenis" };
      m.records[0].externalId = { kolom: "No" };
      m.dateFormats = ["dd/MM/yy"];
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^version: .*1/),
        expect.stringMatching(/^headerRow: .*>=1/),
        expect.stringMatching(/^records\[0\]\.type: .*"person"/),
        "records[0].fields.fullName: exactly one of column, value, ref, template (this sets column, value)",
        'records[0].fields["documents[0].type"]: unknown key "colum"',
        expect.stringMatching(/^records\[0\]\.externalId: expected \{ column: "<header>" \}/),
        expect.stringMatching(/^dateFormats\[0\]: a date format built from/),
      ]),
    );
    expect(lines.length).toBeGreaterThanOrEqual(7);
  });

  it("refuses a ref to a record that is not an earlier `as`", () => {
    expect(bad((m) => m.records.push({ type: "migrantPlacement", externalId: { column: "No" }, fields: { worker: { ref: "pmi" } } }))).toEqual([
      'records[1].fields.worker.ref: "pmi" is not the `as` of an earlier record (earlier: none)',
    ]);
  });

  it("says when the file is not YAML or JSON", () => {
    expect(problems("version: 1\n  records: [")[0]).toMatch(/^not valid YAML or JSON: /);
  });

  it("names a missing header with the mapping key that uses it and lists the headers found", () => {
    const m = mappingFromText(MAPPING_YAML.replace('column: "Negara Tujuan"', 'column: "Negara"'));
    try {
      rowPlanner(m, HEADERS);
      throw new Error("accepted");
    } catch (err) {
      expect((err as MappingError).problems).toEqual([
        'records[2].fields.destinationCountry.column: no column "Negara" in header row 3 (headers found: "No.", "Nama PMI", "L/P", "Tgl Lahir", "No. Paspor", "Negara Tujuan", "Prosedural", "Nama P3MI", "Wilayah P3MI")',
      ]);
    }
  });

  it("matches headers trimmed, case-insensitively, with whitespace and line breaks collapsed", () => {
    const m = mappingFromText(MAPPING_YAML);
    expect(() => rowPlanner(m, HEADERS.map((h) => ` ${h.toUpperCase().replace(" ", "\n")} `))).not.toThrow();
  });

  it("schema/import-mapping.schema.json is current (else: npx tsx scripts/import-mapping-schema.ts)", () => {
    expect(fs.readFileSync(MAPPING_SCHEMA_FILE, "utf8")).toBe(mappingSchemaText());
  });
});

describe("report messages", () => {
  it("every field error code and every import code reads in Bahasa Indonesia and English", () => {
    for (const code of [...Object.keys(FIELD_ERROR_CODES), ...IMPORT_ERROR_CODES]) {
      const m = MESSAGES[code as keyof typeof MESSAGES];
      expect({ code, id: Boolean(m?.id?.trim()), en: Boolean(m?.en?.trim()) }).toEqual({ code, id: true, en: true });
    }
    expect(Object.keys(MESSAGES).sort()).toEqual([...Object.keys(FIELD_ERROR_CODES), ...IMPORT_ERROR_CODES].sort());
  });
});
