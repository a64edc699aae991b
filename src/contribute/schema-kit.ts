// Building blocks for the zod input schemas of every record type, and the translation of zod
// issues into FieldErrors. Schemas accept what GraphQL hands over (Date objects, null for
// explicit nulls) and also ISO strings, so a file import can reuse them unchanged.
import { z } from "zod";
import { isCountryCode } from "../domain/countries";
import { isFutureDate, isFutureInstant, isInYearRange, YEAR_RANGE_MESSAGE } from "../domain/dates";
import { fieldError, type FieldError, type FieldErrorCode } from "./result";

/** Raised as a zod custom issue; `params.code` carries our FieldErrorCode. */
export function issue(ctx: z.RefinementCtx, path: (string | number)[], code: FieldErrorCode, message: string): void {
  ctx.addIssue({ code: "custom", path, message, params: { code } });
}

/** Optional field: absent, null and (for text) blank all mean "no value" and are stored as null. */
export const opt = <T extends z.ZodTypeAny>(schema: T) => schema.nullish().transform((v) => (v ?? null) as z.output<T> | null);

/** Free text: trimmed, blank becomes null, bounded length. */
export const text = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(max, { message: `At most ${max} characters.` }));

export const optText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((s) => (s == null || s.trim() === "" ? null : s.trim()))
    .pipe(z.string().max(max, { message: `At most ${max} characters.` }).nullable());

export const requiredText = (max: number) =>
  text(max).pipe(z.string().min(1, { message: "Must not be blank." }));

/** Dates the database can hold (the GraphQL scalars check the same; files come in as strings). */
const inYearRange = (d: Date, ctx: z.RefinementCtx) => {
  if (!isInYearRange(d)) issue(ctx, [], "OUT_OF_RANGE", YEAR_RANGE_MESSAGE);
};

/** Calendar date (Prisma @db.Date); strings must be YYYY-MM-DD. */
export const calendarDate = z
  .union([z.date(), z.iso.date().transform((s) => new Date(`${s}T00:00:00Z`))])
  .superRefine(inYearRange);
/** Instant; strings must be ISO 8601 with offset. */
export const instant = z.union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))]).superRefine(inYearRange);

export const countryCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .superRefine((s, ctx) => {
    if (!isCountryCode(s)) issue(ctx, [], "UNKNOWN_COUNTRY", "Use an ISO 3166-1 alpha-2 country code, e.g. MY, CN, ID.");
  });

/** Dotted kode wilayah (existence is checked against Region inside the transaction). */
export const regionCode = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { message: "A kode wilayah is dotted: 61, 61.03, 61.03.21 or 61.03.21.2001." }));

/** Closed vocabulary list (text[] columns): values checked, duplicates removed, stored sorted. */
export const vocabList = <const V extends readonly [string, ...string[]]>(values: V, max = 30) =>
  z
    .array(z.enum(values, { message: `Allowed values: ${values.join(", ")}.` }))
    .max(max, { message: `At most ${max} values.` })
    .nullish()
    .transform((v) => [...new Set(v ?? [])].sort() as V[number][]);

/** Agency codes, e.g. POLDA-KALBAR (the codes tokens carry). */
export const AGENCY_CODE = /^[A-Z0-9][A-Z0-9._-]{1,63}$/;

/** Provenance fields every record carries; sourceAgency and contributedBy come from the token. */
export const provenance = {
  externalId: z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { message: "Must not be blank." })
        .max(200, { message: "At most 200 characters." })
        .regex(/^[^\p{Cc}]+$/u, { message: "Must not contain control characters." }),
    ),
  sourceSystem: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9._-]{1,39}$/, { message: "The name of your system, 2-40 letters, digits and . _ -, e.g. SISKOP2MI, SIMKIM, EMP, SIKS-NG." })),
  expectedVersion: opt(z.number().int().min(0, { message: "Versions start at 1 (0 means: the record must not exist yet)." })),
};

export interface Provenance {
  externalId: string;
  sourceSystem: string;
  expectedVersion: number | null;
}

// ---------------------------------------------------------------- references

const idString = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1).max(200));

/** `{ id }` (hub id) or `{ externalId, sourceAgency? }` (sourceAgency defaults to the caller). */
export const recordRef = z
  .object({
    id: opt(idString),
    sourceAgency: opt(z.string().transform((s) => s.trim().toUpperCase())),
    externalId: opt(idString),
  })
  .strict()
  .superRefine((r, ctx) => {
    const forms = (r.id ? 1 : 0) + (r.externalId ? 1 : 0);
    if (forms !== 1) issue(ctx, [], "INVALID_REFERENCE", "Give either id, or externalId (with sourceAgency for another agency's record).");
    else if (r.sourceAgency && !r.externalId) issue(ctx, ["externalId"], "REQUIRED", "sourceAgency needs the externalId of that agency's record.");
  });
export type RecordRef = z.output<typeof recordRef>;

export const documentTypes = ["NIK", "PASSPORT", "KK", "PLB", "SPLP", "ID_PMI", "OTHER"] as const;

/** Person reference: a RecordRef, or `{ document: { type, number, issuingCountry } }`. */
export const personRef = z
  .object({
    id: opt(idString),
    sourceAgency: opt(z.string().transform((s) => s.trim().toUpperCase())),
    externalId: opt(idString),
    document: opt(
      z
        .object({
          type: z.enum(["NIK", "PASSPORT"], { message: "Persons are found by NIK or PASSPORT." }),
          number: z.string(),
          issuingCountry: opt(countryCode),
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((r, ctx) => {
    const forms = (r.id ? 1 : 0) + (r.externalId ? 1 : 0) + (r.document ? 1 : 0);
    if (forms !== 1) issue(ctx, [], "INVALID_REFERENCE", "Give exactly one of: id, externalId (with sourceAgency for another agency's record), or document.");
    else if (r.sourceAgency && !r.externalId) issue(ctx, ["externalId"], "REQUIRED", "sourceAgency needs the externalId of that agency's record.");
  });
export type PersonRef = z.output<typeof personRef>;

// ---------------------------------------------------------------- cross-field helpers

type Dated = [path: string, value: Date | null | undefined];

/** Each present date must not precede the previous present one (a <= b <= c ...). */
export function checkOrder(ctx: z.RefinementCtx, dates: Dated[]): void {
  let prev: Dated | null = null;
  for (const cur of dates) {
    if (!cur[1]) continue;
    if (prev && prev[1]! > cur[1]) issue(ctx, [cur[0]], "DATE_ORDER", `${cur[0]} must not be before ${prev[0]}.`);
    prev = cur;
  }
}

export function checkNotFuture(ctx: z.RefinementCtx, now: Date, fields: Array<[path: (string | number)[], value: Date | null | undefined, kind: "date" | "instant"]>): void {
  for (const [path, value, kind] of fields) {
    if (value && (kind === "date" ? isFutureDate(value, now) : isFutureInstant(value, now))) {
      issue(ctx, path, "DATE_IN_FUTURE", `${path.join(".")} must not be in the future.`);
    }
  }
}

// ---------------------------------------------------------------- zod issues -> FieldErrors

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let cur = input;
  for (const k of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/**
 * zod issues become FieldErrors with string paths. A missing or null value is REQUIRED whatever
 * zod calls it; messages are ours or zod's (which describe the expectation, never the value).
 * Cross-field rules (superRefine) run once every field has the right type and format, so a
 * record with a malformed date reports that first and its date-order problems on the next try.
 */
export function toFieldErrors(err: z.ZodError, input: unknown, prefix: string[] = []): FieldError[] {
  const out: FieldError[] = [];
  for (const iss of err.issues) {
    const path = [...prefix, ...iss.path.map(String)];
    const params = (iss as { params?: { code?: FieldErrorCode } }).params;
    if (iss.code === "custom" && params?.code) {
      out.push(fieldError(path, params.code, iss.message));
      continue;
    }
    if (iss.code !== "unrecognized_keys" && valueAt(input, iss.path) == null) {
      out.push(fieldError(path, "REQUIRED", "Required."));
      continue;
    }
    let code: FieldErrorCode;
    let message = iss.message;
    switch (iss.code) {
      case "invalid_type":
        code = "INVALID_TYPE";
        break;
      case "invalid_union":
        code = "INVALID_FORMAT";
        message = "Expected an ISO 8601 date (YYYY-MM-DD) or date-time.";
        break;
      case "invalid_value":
        code = "INVALID_VALUE";
        break;
      case "invalid_format":
        code = "INVALID_FORMAT";
        if (message.startsWith("Invalid string: must match pattern")) message = "Invalid format.";
        break;
      case "too_small":
        code = "OUT_OF_RANGE";
        break;
      case "too_big":
        code = "OUT_OF_RANGE";
        break;
      case "unrecognized_keys":
        for (const k of iss.keys) out.push(fieldError([...path, k], "UNKNOWN_FIELD", "This record type has no such field."));
        continue;
      default:
        code = "INVALID_VALUE";
    }
    out.push(fieldError(path, code, message));
  }
  // One error per path and code is enough (unions can report the same problem twice).
  const seen = new Set<string>();
  return out.filter((e) => {
    const k = `${e.path.join("\u0000")}|${e.code}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
