// Client-side checks of the desk's forms, mirroring what the hub checks (EarlyWarningReportInput),
// so an officer hears about a mistake before sending; the hub's own field errors are shown too.
// Pure: returns message keys of web/desk/messages.ts per field.
import type { DeskKey } from "./messages";

export interface WarningDraft {
  source: string;
  regionCode: string;
  /** `datetime-local` value (local time, no zone). */
  reportedAt: string;
  description: string;
  suspectedRecruiter: string;
}

export type WarningField = keyof WarningDraft;
export type FieldProblems<F extends string> = Partial<Record<F, { key: DeskKey; vars?: Record<string, number> }>>;

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
export const MAX_DESCRIPTION = 5000;
export const MAX_RECRUITER = 200;

export function validateWarning(d: WarningDraft, now: Date): FieldProblems<WarningField> {
  const out: FieldProblems<WarningField> = {};
  if (!d.source) out.source = { key: "v.required" };
  if (!d.regionCode.trim()) out.regionCode = { key: "v.required" };
  else if (!REGION_CODE.test(d.regionCode.trim())) out.regionCode = { key: "v.regionCode" };
  if (!d.reportedAt) out.reportedAt = { key: "v.required" };
  else {
    const at = new Date(d.reportedAt);
    if (Number.isNaN(at.getTime())) out.reportedAt = { key: "v.date" };
    else if (at.getTime() > now.getTime() + 60_000) out.reportedAt = { key: "v.future" };
  }
  if (!d.description.trim()) out.description = { key: "v.required" };
  else if (d.description.length > MAX_DESCRIPTION) out.description = { key: "v.tooLong", vars: { max: MAX_DESCRIPTION } };
  if (d.suspectedRecruiter.length > MAX_RECRUITER) out.suspectedRecruiter = { key: "v.tooLong", vars: { max: MAX_RECRUITER } };
  return out;
}

/** The mutation input for a checked draft. `externalId` is the desk's own record number. */
export function warningInput(d: WarningDraft, externalId: string) {
  return {
    externalId,
    sourceSystem: "LTSA-DESK",
    source: d.source,
    regionCode: d.regionCode.trim(),
    status: "NEW",
    reportedAt: new Date(d.reportedAt).toISOString(),
    description: d.description.trim(),
    suspectedRecruiter: d.suspectedRecruiter.trim() || null,
  };
}

/** `datetime-local` value for a moment, in the browser's time zone. */
export function localDateTime(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A record number for the desk's own system: LTSA-DESK-<yyyymmddhhmmss>-<random>. */
export function deskRecordId(kind: "EW" | "RUJ", at: Date): string {
  const stamp = at.toISOString().replace(/\D/g, "").slice(0, 14);
  const random = Math.random().toString(36).slice(2, 8).toUpperCase();
  return `LTSA-DESK-${kind}-${stamp}-${random}`;
}

/** NIK or passport number as the officer typed it, normalised as the hub does; null when malformed. */
export function normaliseDocument(type: "NIK" | "PASSPORT", raw: string): string | null {
  const n = raw.toUpperCase().replace(/[\s.]/g, "");
  if (type === "NIK") return /^\d{16}$/.test(n) ? n : null;
  return /^[A-Z]{1,2}\d{6,7}$/.test(n) ? n : null;
}
