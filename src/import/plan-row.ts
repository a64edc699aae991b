// One spreadsheet row -> the records it produces (ContributionInput entries), or the reasons it
// cannot. A row is all or nothing: a problem in any of its records (a transform, a blank
// externalId, a value the record type's schema refuses) rejects every record of the row, so
// nothing of it is sent.
import { HANDLERS } from "../contribute/engine";
import { BATCH_FIELDS } from "../contribute/engine";
import { toFieldErrors } from "../contribute/schema-kit";
import { MappingError, keyPath, type FieldSource, type Mapping, type RecordField, type RecordSpec } from "./mapping";
import { MESSAGES, type ReportCode } from "./messages";
import { cellText, compileMap, convertCell, isBlank, normalizeKey, ValueError, type Cell, type CompiledMap } from "./values";

/** A problem of one record, as the report shows it. */
export interface RecordProblem {
  /** Record field path, e.g. documents[0].number; null for the whole record. */
  field: string | null;
  /** Spreadsheet header feeding that field, when known. */
  column: string | null;
  code: ReportCode;
  alasan: string;
  reason: string;
}

export interface PlannedRecord {
  /** Position of the record's spec in mapping.records. */
  spec: number;
  type: RecordField;
  externalId: string | null;
  /** The ContributionInput entry: { [type]: input }. */
  entry: Record<string, unknown>;
  /** Records of the same row this one refers to (indices into PlannedRow.records). */
  dependsOn: number[];
  problems: RecordProblem[];
}

export interface PlannedRow {
  row: number;
  records: PlannedRecord[];
  /** True when some record has problems: then none of the row is sent. */
  rejected: boolean;
}

const HEADER_RE = /\{([^{}]+)\}/g;

interface CompiledField {
  path: (string | number)[];
  /** Key of the path's container ("" at top level): an element whose column-fed leaves are all blank is left out. */
  container: string;
  source: FieldSource;
  key: string;
  column: number | null;
  template: Array<string | number> | null;
  map: CompiledMap | null;
  fromCells: boolean;
}

interface CompiledRecord {
  spec: RecordSpec;
  index: number;
  externalId: { columns: number[]; separator: string } | { template: Array<string | number> };
  externalIdColumns: string[];
  when: { column: number; present: boolean } | null;
  fields: CompiledField[];
}

export interface RowPlanner {
  headers: string[];
  plan(row: number, cells: Cell[]): PlannedRow | null;
}

function parsePath(key: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of key.split(".")) {
    const m = /^(\w+)(?:\[(\d+)\])?$/.exec(part)!;
    out.push(m[1]!);
    if (m[2] !== undefined) out.push(Number(m[2]));
  }
  return out;
}

function setPath(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let cur: Record<string | number, unknown> = target;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    if (cur[k] === undefined) cur[k] = typeof path[i + 1] === "number" ? [] : {};
    cur = cur[k] as Record<string | number, unknown>;
  }
  cur[path[path.length - 1]!] = value;
}

/** Arrays with elements left out are closed up. */
function compact(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compact);
  if (v && typeof v === "object" && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]));
  return v;
}

/**
 * Checks the mapping against the header row (every column it names must be there) and returns
 * the row planner. Throws MappingError naming each missing header and listing those found.
 */
export function rowPlanner(mapping: Mapping, headerCells: Cell[]): RowPlanner {
  const headers = headerCells.map((c) => (c === null ? "" : cellText(c)));
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = normalizeKey(h);
    if (k && !index.has(k)) index.set(k, i);
  });
  const problems: string[] = [];
  const found = headers.filter(Boolean).map((h) => `"${h}"`).join(", ");
  const col = (name: string, at: PropertyKey[]): number => {
    const i = index.get(normalizeKey(name));
    if (i === undefined) {
      problems.push(`${keyPath(at)}: no column "${name}" in header row ${mapping.headerRow} (headers found: ${found || "none"})`);
      return -1;
    }
    return i;
  };
  const template = (text: string, at: PropertyKey[]): Array<string | number> => {
    const parts: Array<string | number> = [];
    let last = 0;
    for (const m of text.matchAll(HEADER_RE)) {
      parts.push(text.slice(last, m.index));
      parts.push(col(m[1]!, at));
      last = m.index + m[0].length;
    }
    parts.push(text.slice(last));
    return parts;
  };
  const maps = new Map(Object.entries(mapping.valueMaps).map(([name, m]) => [name, compileMap(name, m)]));
  const records: CompiledRecord[] = mapping.records.map((spec, i) => {
    const at = ["records", i];
    const x = spec.externalId;
    const externalId =
      "column" in x
        ? { columns: [col(x.column, [...at, "externalId", "column"])], separator: "-" }
        : "columns" in x
          ? { columns: x.columns.map((c, j) => col(c, [...at, "externalId", "columns", j])), separator: x.separator ?? "-" }
          : { template: template(x.template, [...at, "externalId", "template"]) };
    const externalIdColumns = "column" in x ? [x.column] : "columns" in x ? x.columns : [...x.template.matchAll(HEADER_RE)].map((m) => m[1]!);
    const fields = Object.entries(spec.fields).map(([key, source]): CompiledField => {
      const path = parsePath(key);
      const fat = [...at, "fields", key];
      return {
        key,
        path,
        container: JSON.stringify(path.slice(0, -1)),
        source,
        column: source.column !== undefined ? col(source.column, [...fat, "column"]) : null,
        template: source.template !== undefined ? template(source.template, [...fat, "template"]) : null,
        map: source.map === undefined ? null : typeof source.map === "string" ? maps.get(source.map)! : compileMap(`${keyPath([...fat, "map"])}`, source.map),
        fromCells: source.column !== undefined || source.template !== undefined || source.ref !== undefined,
      };
    });
    return { spec, index: i, externalId, externalIdColumns, when: spec.when ? { column: col(spec.when.column, [...at, "when", "column"]), present: spec.when.present } : null, fields };
  });
  if (problems.length) throw new MappingError(problems);

  const fill = (parts: Array<string | number>, cells: Cell[]): string | null => {
    let out = "";
    for (const p of parts) {
      if (typeof p === "string") out += p;
      else {
        const c = cells[p] ?? null;
        if (isBlank(c)) return null;
        out += cellText(c);
      }
    }
    return out.trim() || null;
  };

  return {
    headers,
    plan(row, cells) {
      if (cells.every((c) => isBlank(c))) return null;
      const planned: PlannedRecord[] = [];
      const byName = new Map<string, number>();
      for (const r of records) {
        if (r.when && isBlank(cells[r.when.column] ?? null) === r.when.present) continue;
        const problems: RecordProblem[] = [];
        const problem = (field: string | null, column: string | null, code: ReportCode, reason?: string, alasan?: string) =>
          problems.push({ field, column, code, alasan: alasan ?? MESSAGES[code].id, reason: reason ?? MESSAGES[code].en });
        const x = r.externalId;
        const externalId =
          "template" in x
            ? fill(x.template, cells)
            : x.columns.some((c) => isBlank(cells[c] ?? null))
              ? null
              : x.columns.map((c) => cellText(cells[c]!)).join(x.separator);
        if (!externalId) problem("externalId", r.externalIdColumns.join(", "), "EXTERNAL_ID_BLANK");
        const input: Record<string, unknown> = { externalId, sourceSystem: mapping.sourceSystem };
        const dependsOn: number[] = [];
        // Leaves by container; a container whose cell-fed leaves are all blank is left out whole.
        const values = new Map<string, Array<{ f: CompiledField; value: unknown }>>();
        const filled = new Set<string>();
        for (const f of r.fields) {
          const header = f.source.column ?? null;
          let value: unknown;
          try {
            if (f.source.ref !== undefined) {
              const target = byName.get(f.source.ref);
              if (target !== undefined) {
                value = { externalId: planned[target]!.externalId };
                dependsOn.push(target);
              }
            } else if (f.source.value !== undefined) value = f.source.value;
            else {
              const cell: Cell = f.column !== null ? (cells[f.column] ?? null) : f.template ? fill(f.template, cells) : null;
              if (!isBlank(cell)) value = convertCell(cell, f.source, f.map, mapping);
            }
            if (value === undefined && f.source.default !== undefined) value = f.source.default;
            if (value === undefined && f.source.required) problem(f.key, header, "REQUIRED", `${header ? `Column "${header}"` : "This field"} is required and blank.`, `${header ? `Kolom "${header}"` : "Kolom ini"} wajib diisi tetapi kosong.`);
          } catch (err) {
            if (!(err instanceof ValueError)) throw err;
            problem(f.key, header, err.code, err.message, err.alasan);
          }
          const list = values.get(f.container) ?? [];
          list.push({ f, value });
          values.set(f.container, list);
          if (f.fromCells && value !== undefined) filled.add(f.container);
        }
        for (const [container, leaves] of values) {
          const cellFed = leaves.some((l) => l.f.fromCells);
          if (container !== "[]" && cellFed && !filled.has(container)) continue;
          for (const l of leaves) if (l.value !== undefined) setPath(input, l.f.path, l.value);
        }
        const record = compact(input) as Record<string, unknown>;
        // The record type's own schema (the engine runs it again): a refused value rejects the row here.
        if (!problems.length) {
          const parsed = HANDLERS[BATCH_FIELDS[r.spec.type]].schema.safeParse(record);
          if (!parsed.success) {
            for (const e of toFieldErrors(parsed.error, record)) {
              const field = e.path.length ? fieldPath(e.path) : null;
              problem(field, columnOf(r, field), e.code, e.message);
            }
          }
        }
        if (r.spec.as !== undefined) byName.set(r.spec.as, planned.length);
        planned.push({ spec: r.index, type: r.spec.type, externalId, entry: { [r.spec.type]: record }, dependsOn, problems });
      }
      const rejected = planned.some((p) => p.problems.length > 0);
      if (rejected) {
        for (const p of planned) if (!p.problems.length) p.problems.push({ field: null, column: null, code: "ROW_REJECTED", alasan: MESSAGES.ROW_REJECTED.id, reason: MESSAGES.ROW_REJECTED.en });
      }
      return { row, records: planned, rejected };
    },
  };
}

/** ["documents", "0", "number"] -> documents[0].number */
export function fieldPath(path: readonly string[]): string {
  let out = "";
  for (const p of path) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** The header feeding a field path: the field itself, the field it lies in, or the one field under it. */
function columnOf(r: CompiledRecord, field: string | null): string | null {
  if (field === null) return null;
  if (field === "externalId") return r.externalIdColumns.join(", ") || null;
  const exact = r.spec.fields[field];
  if (exact) return exact.column ?? null;
  const outer = Object.keys(r.spec.fields).filter((k) => field.startsWith(k + ".") || field.startsWith(k + "["));
  if (outer.length) return r.spec.fields[outer.sort((a, b) => b.length - a.length)[0]!]!.column ?? null;
  const inner = Object.keys(r.spec.fields).filter((k) => (k.startsWith(field + ".") || k.startsWith(field + "[")) && r.spec.fields[k]!.column !== undefined);
  return inner.length === 1 ? r.spec.fields[inner[0]!]!.column! : null;
}

/** The column for an error the hub reported on a record of this spec. */
export function columnForSpec(mapping: Mapping, spec: number, field: string | null): string | null {
  const r = mapping.records[spec]!;
  const x = r.externalId;
  const externalIdColumns = "column" in x ? [x.column] : "columns" in x ? x.columns : [...x.template.matchAll(HEADER_RE)].map((m) => m[1]!);
  return columnOf({ spec: r, externalIdColumns } as CompiledRecord, field);
}
