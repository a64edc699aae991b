// The desk's legality verdict for a person, from what the hub returned to this officer:
// "Aman" (safe), "Perlu dicek" (needs checking) or "Berisiko" (at risk), with every reason.
// Pure: no DOM, no fetch; the rules are data in src/domain/placement-rules.ts. A value the
// officer may not see (masked) or that the hub does not know never counts as good news: it
// makes the verdict at least "Perlu dicek".
import { closuresFor, LEGAL_BASES, LICENCE_STATUS_SEVERITY, MINIMUM_AGE, type LegalBasisKey, type Severity } from "../../src/domain/placement-rules.ts";

export type VerdictLevel = "AMAN" | "PERLU_DICEK" | "BERISIKO";

export interface DeskPlacement {
  id: string;
  destinationCountry: string | null;
  destinationCity?: string | null;
  jobTitle: string | null;
  industry: string | null;
  procedural: boolean | null;
  departureDate: string | null;
  returnDate?: string | null;
  p3mi: { name: string | null; licenceNumber?: string | null; licenceStatus: string | null } | null;
}

export interface DeskWarning {
  id: string;
  status: string | null;
  reportedAt: string | null;
  suspectedRecruiter?: string | null;
}

export interface VerdictInput {
  /** ISO date; with `birthDateMasked` only its year is real. */
  birthDate: string | null;
  birthDateMasked: boolean;
  placements: readonly DeskPlacement[];
  /** Ids of placements with a field the hub masked for this officer. */
  maskedPlacements?: ReadonlySet<string>;
  /** Earlier early-warning reports in the person's kecamatan asal. */
  warnings: readonly DeskWarning[];
}

export type ReasonCode =
  | "NO_PLACEMENT"
  | "LICENCE_ACTIVE"
  | "LICENCE_BAD"
  | "LICENCE_UNKNOWN"
  | "NO_P3MI"
  | "REGISTERED"
  | "NOT_REGISTERED"
  | "REGISTRATION_UNKNOWN"
  | "DESTINATION_OPEN"
  | "DESTINATION_CLOSED"
  | "DESTINATION_UNKNOWN"
  | "UNDERAGE"
  | "AGE_UNCERTAIN"
  | "OPEN_WARNINGS"
  | "WARNING_NAMES_P3MI"
  | "MASKED_DATA";

/** `note`: worth telling the officer, but no finding about this placement (does not change the level). */
export type ReasonSeverity = Severity | "note";

export interface Reason {
  code: ReasonCode;
  severity: ReasonSeverity;
  /** The placement the reason is about, if any. */
  placementId?: string;
  /** Values the message names (status, country, citation, count). */
  params: Record<string, string | number>;
  basis?: LegalBasisKey;
}

export interface Verdict {
  level: VerdictLevel;
  reasons: Reason[];
}

const OPEN_WARNING = new Set(["NEW", "UNDER_REVIEW", "ESCALATED"]);

/** Whole years between two ISO dates. */
function ageOn(birth: string, day: string): number {
  const [by, bm, bd] = birth.slice(0, 10).split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.slice(0, 10).split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function placementReasons(p: DeskPlacement, input: VerdictInput): Reason[] {
  const out: Reason[] = [];
  const at = { placementId: p.id };
  // Licence of the P3MI (a procedural placement without one is another scheme: G to G, mandiri).
  if (p.p3mi) {
    const status = p.p3mi.licenceStatus;
    const severity = status ? (LICENCE_STATUS_SEVERITY[status] ?? "check") : "check";
    const code: ReasonCode = !status ? "LICENCE_UNKNOWN" : severity === "ok" ? "LICENCE_ACTIVE" : "LICENCE_BAD";
    out.push({ code, severity, ...at, params: { p3mi: p.p3mi.name ?? "?", status: status ?? "?" }, basis: "UU_18_2017_P3MI" });
  } else if (p.procedural !== false) {
    out.push({ code: "NO_P3MI", severity: "check", ...at, params: {} });
  }
  // Registration (procedural = registered in SISKOP2MI with an ID PMI).
  if (p.procedural === true) out.push({ code: "REGISTERED", severity: "ok", ...at, params: {} });
  else if (p.procedural === false) out.push({ code: "NOT_REGISTERED", severity: "risk", ...at, params: {}, basis: "UU_18_2017_PROSEDUR" });
  else out.push({ code: "REGISTRATION_UNKNOWN", severity: "check", ...at, params: {} });
  // Destination and job.
  if (!p.destinationCountry) {
    out.push({ code: "DESTINATION_UNKNOWN", severity: "check", ...at, params: {} });
  } else {
    const closed = closuresFor(p);
    for (const c of closed) out.push({ code: "DESTINATION_CLOSED", severity: "risk", ...at, params: { country: p.destinationCountry, citation: LEGAL_BASES[c.basis].citation }, basis: c.basis });
    if (!closed.length) {
      // Open unless the job is unknown: a closure could apply to it.
      const jobKnown = Boolean(p.industry || p.jobTitle);
      out.push(jobKnown ? { code: "DESTINATION_OPEN", severity: "ok", ...at, params: { country: p.destinationCountry } } : { code: "DESTINATION_UNKNOWN", severity: "check", ...at, params: { country: p.destinationCountry } });
    }
  }
  // Age at departure.
  if (p.departureDate) {
    if (!input.birthDate) out.push({ code: "AGE_UNCERTAIN", severity: "check", ...at, params: {} });
    else if (input.birthDateMasked) {
      // Only the year is real: the age is between these two.
      const year = Number(input.birthDate.slice(0, 4));
      const departureYear = Number(p.departureDate.slice(0, 4));
      const youngest = departureYear - year - 1;
      if (departureYear - year < MINIMUM_AGE) out.push({ code: "UNDERAGE", severity: "risk", ...at, params: { age: departureYear - year }, basis: "UU_18_2017_USIA" });
      else if (youngest < MINIMUM_AGE) out.push({ code: "AGE_UNCERTAIN", severity: "check", ...at, params: {}, basis: "UU_18_2017_USIA" });
    } else {
      const age = ageOn(input.birthDate, p.departureDate);
      if (age < MINIMUM_AGE) out.push({ code: "UNDERAGE", severity: "risk", ...at, params: { age }, basis: "UU_18_2017_USIA" });
    }
  }
  if (input.maskedPlacements?.has(p.id)) out.push({ code: "MASKED_DATA", severity: "check", ...at, params: {} });
  return out;
}

const RANK: Record<ReasonSeverity, number> = { note: -1, ok: 0, check: 1, risk: 2 };
const LEVEL: Record<Severity, VerdictLevel> = { ok: "AMAN", check: "PERLU_DICEK", risk: "BERISIKO" };

/** The verdict: the worst severity among all reasons; no placement at all needs checking. */
export function deskVerdict(input: VerdictInput): Verdict {
  const reasons: Reason[] = [];
  if (!input.placements.length) reasons.push({ code: "NO_PLACEMENT", severity: "check", params: {}, basis: "UU_18_2017_PROSEDUR" });
  for (const p of input.placements) reasons.push(...placementReasons(p, input));
  const open = input.warnings.filter((w) => w.status && OPEN_WARNING.has(w.status));
  // Warnings name regions, not persons: open ones in the home kecamatan are context for the
  // officer's questions, not a finding about this placement (border kecamatan always have some).
  if (open.length) reasons.push({ code: "OPEN_WARNINGS", severity: "note", params: { count: open.length } });
  // A warning naming the person's P3MI (in clear: a masked name, initials, never matches).
  for (const p of input.placements) {
    const name = p.p3mi?.name?.replace(/\s*\(fiktif\)\s*$/i, "").trim().toLowerCase();
    if (!name) continue;
    const naming = input.warnings.filter((w) => w.suspectedRecruiter?.toLowerCase().includes(name));
    if (naming.length) reasons.push({ code: "WARNING_NAMES_P3MI", severity: "risk", placementId: p.id, params: { p3mi: p.p3mi!.name!, count: naming.length } });
  }
  const worst = reasons.reduce<Severity>((w, r) => (r.severity !== "note" && RANK[r.severity] > RANK[w] ? r.severity : w), "ok");
  // Worst first, so the officer reads why before what is fine; notes last.
  reasons.sort((a, b) => RANK[b.severity] - RANK[a.severity]);
  return { level: LEVEL[worst], reasons };
}
