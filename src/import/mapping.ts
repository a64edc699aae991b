// The mapping file: which sheet and header row, which column feeds which field of which record,
// value maps, date formats, externalIds. Validated with zod (also exported as a JSON Schema for
// editors, schema/import-mapping.schema.json); every problem is one line naming its key path.
import fs from "node:fs";
import { z } from "zod";
import YAML from "yaml";
import { BATCH_FIELDS } from "../contribute/engine";
import { DATE_FORMAT_TOKENS, isDateFormat } from "./dates";

export const FIELD_TYPES = ["string", "date", "datetime", "int", "number", "boolean", "list"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const RECORD_FIELDS = Object.keys(BATCH_FIELDS) as (keyof typeof BATCH_FIELDS)[];
export type RecordField = keyof typeof BATCH_FIELDS;

const columnName = z.string().trim().min(1, { message: "a column header (non-blank text)" });
const valueMap = z.record(z.string(), z.unknown()).describe("Spreadsheet value -> value sent (keys match case- and space-insensitively).");

const SOURCES = ["column", "value", "ref", "template"] as const;

const fieldSource = z
  .object({
    column: columnName.optional().describe("Header text of the column (trimmed, case-insensitive, whitespace collapsed)."),
    value: z.unknown().optional().describe("A constant sent for every row."),
    ref: z.string().min(1).optional().describe("The `as` name of an earlier record of the same row: sends { sourceAgency, externalId } of that record."),
    template: z.string().min(1).optional().describe('Text with {Header} placeholders, e.g. "{Tahun}-{No}".'),
    map: z.union([z.string().min(1), valueMap]).optional().describe("A valueMaps name or an inline map."),
    type: z.enum(FIELD_TYPES).optional().describe("How the cell is read (default string; list splits on , and ;)."),
    required: z.boolean().optional().describe("A blank cell rejects the row."),
    default: z.unknown().optional().describe("Sent when the cell is blank."),
  })
  .strict()
  .superRefine((s, ctx) => {
    const set = SOURCES.filter((k) => k in s && (k !== "value" || s.value !== undefined));
    if (set.length !== 1) ctx.addIssue({ code: "custom", message: `exactly one of ${SOURCES.join(", ")} (this sets ${set.length ? set.join(", ") : "none"})` });
  });

const externalId = z.union([
  z.object({ column: columnName }).strict(),
  z.object({ columns: z.array(columnName).min(1), separator: z.string().optional().describe('Default "-".') }).strict(),
  z.object({ template: z.string().min(1) }).strict(),
]);

const recordSpec = z
  .object({
    type: z.enum(RECORD_FIELDS as [RecordField, ...RecordField[]]).describe("A field of ContributionInput: the record type."),
    as: z.string().regex(/^[A-Za-z_][\w-]*$/, { message: "a name (letters, digits, _ and -)" }).optional().describe("Name later records of the row use in `ref`."),
    externalId: externalId.describe("How the record's externalId is built."),
    when: z.object({ column: columnName, present: z.boolean() }).strict().optional().describe("Produce the record only when the cell is (not) blank."),
    fields: z.record(z.string().regex(/^[A-Za-z]\w*(\[\d+\])?(\.[A-Za-z]\w*(\[\d+\])?)*$/, { message: 'a field path like fullName or documents[0].number' }), fieldSource),
  })
  .strict();

export const mappingSchema = z
  .object({
    version: z.literal(1),
    name: z.string().optional(),
    sourceSystem: z.string().min(2).describe("Every record's sourceSystem, e.g. SIMPEL-XLS."),
    sheet: z.union([z.string().min(1), z.number().int().min(1)]).optional().describe("Sheet name or 1-based index (xlsx); default the first sheet."),
    headerRow: z.number().int().min(1).default(1).describe("1-based row holding the column headers; rows above are titles."),
    dataStartRow: z.number().int().min(1).optional().describe("First data row; default headerRow + 1."),
    dateFormats: z
      .array(z.string().refine(isDateFormat, { message: `a date format built from ${DATE_FORMAT_TOKENS.join(", ")} and separators, or "excel"` }))
      .min(1)
      .default(["yyyy-MM-dd", "dd/MM/yyyy", "d MMMM yyyy", "excel"])
      .describe('Tried in order; "excel" = serial numbers and real date cells.'),
    timeZone: z.string().regex(/^[+-]\d{2}:\d{2}$/, { message: 'an offset like "+07:00"' }).default("+07:00").describe("UTC offset of times written without one (datetime)."),
    valueMaps: z.record(z.string(), valueMap).default({}),
    records: z.array(recordSpec).min(1),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.dataStartRow !== undefined && m.dataStartRow <= m.headerRow) ctx.addIssue({ code: "custom", path: ["dataStartRow"], message: `must come after headerRow (${m.headerRow})` });
    const names = new Set<string>();
    m.records.forEach((r, i) => {
      for (const [field, src] of Object.entries(r.fields)) {
        if (typeof src.map === "string" && !(src.map in m.valueMaps)) {
          const known = Object.keys(m.valueMaps);
          ctx.addIssue({ code: "custom", path: ["records", i, "fields", field, "map"], message: `unknown value map "${src.map}" (known: ${known.length ? known.join(", ") : "none"})` });
        }
        if (src.ref !== undefined && !names.has(src.ref)) {
          ctx.addIssue({ code: "custom", path: ["records", i, "fields", field, "ref"], message: `"${src.ref}" is not the \`as\` of an earlier record (earlier: ${names.size ? [...names].join(", ") : "none"})` });
        }
      }
      if (r.as !== undefined) {
        if (names.has(r.as)) ctx.addIssue({ code: "custom", path: ["records", i, "as"], message: `"${r.as}" is used by an earlier record` });
        names.add(r.as);
      }
    });
  });

export type Mapping = z.output<typeof mappingSchema>;
export type RecordSpec = Mapping["records"][number];
export type FieldSource = RecordSpec["fields"][string];

/** A bad mapping file: one line per problem, each naming its key path. */
export class MappingError extends Error {
  override name = "MappingError";
  constructor(readonly problems: string[], readonly file?: string) {
    super(`${file ? `${file}: ` : ""}${problems.length === 1 ? "" : `${problems.length} problems in the mapping:\n  `}${problems.join("\n  ")}`);
  }
}

/** records[1].fields["documents[0].type"].map */
export function keyPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const k of path) {
    if (typeof k === "number") out += `[${k}]`;
    else if (/^[A-Za-z_]\w*$/.test(String(k))) out += out ? `.${String(k)}` : String(k);
    else out += `[${JSON.stringify(String(k))}]`;
  }
  return out || "(top level)";
}

function problemsOf(error: z.ZodError): string[] {
  const lines: string[] = [];
  for (const issue of error.issues) {
    // A union (externalId, map) reports why each branch failed; the shapes expected say more.
    if (issue.code === "invalid_union" && keyPath(issue.path).endsWith("externalId")) {
      lines.push(`${keyPath(issue.path)}: expected { column: "<header>" }, { columns: ["<header>", ...], separator?: "-" } or { template: "<text with {Header}>" }`);
    } else if (issue.code === "unrecognized_keys") {
      lines.push(`${keyPath(issue.path)}: unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`);
    } else {
      lines.push(`${keyPath(issue.path)}: ${issue.message}`);
    }
  }
  return lines;
}

/** Validates a parsed mapping (an object from YAML or JSON). */
export function parseMapping(raw: unknown, file?: string): Mapping {
  const r = mappingSchema.safeParse(raw);
  if (!r.success) throw new MappingError(problemsOf(r.error), file);
  return r.data;
}

/** Parses YAML or JSON text (JSON is YAML) and validates it. */
export function mappingFromText(text: string, file?: string): Mapping {
  const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) throw new MappingError(doc.errors.map((e) => `not valid YAML or JSON: ${e.message.split("\n")[0]}`), file);
  return parseMapping(doc.toJS(), file);
}

export function loadMapping(file: string): Mapping {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new MappingError([`cannot read the mapping file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`], file);
  }
  return mappingFromText(text, file);
}

/** The mapping's JSON Schema (draft 2020-12), for editors: schema/import-mapping.schema.json. */
export function mappingJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(mappingSchema, { io: "input", unrepresentable: "any" }),
    $id: "https://tppo-hub.example/schema/import-mapping.schema.json",
    title: "TPPO Hub spreadsheet import mapping",
  };
}
