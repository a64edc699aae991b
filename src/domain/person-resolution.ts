// One Person, several agencies' statements: which value the hub shows for each field, and
// where agencies disagree. Precedence is data (below) so it can be reviewed and documented
// (docs/data-model.md). Ties within a rank go to the most recent statement.
import type { AgencyType, Sex } from "../generated/prisma/client.ts";

export const RESOLVED_FIELDS = ["fullName", "birthDate", "sex", "nationality", "originRegionCode", "phone", "email", "address"] as const;
export type ResolvedField = (typeof RESOLVED_FIELDS)[number];

/** Identity facts: the agency that checked documents first. Contact details: latest wins. */
const IDENTITY_ORDER: readonly AgencyType[] = [
  "IMMIGRATION", // verified against passport / SIMKIM
  "POLICE", // verified during investigation (BAP)
  "MIGRANT_WORKER_AGENCY", // SISKOP2MI, checked against Dukcapil at registration
  "PROSECUTOR",
  "COURT",
  "WOMEN_CHILD_PROTECTION",
  "SOCIAL_SERVICES",
  "LEGAL_AID",
  "LTSA",
  "HEALTH",
  "TASK_FORCE",
  "OTHER",
];
const ORIGIN_ORDER: readonly AgencyType[] = [
  "MIGRANT_WORKER_AGENCY",
  "SOCIAL_SERVICES",
  "POLICE",
  "WOMEN_CHILD_PROTECTION",
  "IMMIGRATION",
  ...IDENTITY_ORDER.filter((a) => !["MIGRANT_WORKER_AGENCY", "SOCIAL_SERVICES", "POLICE", "WOMEN_CHILD_PROTECTION", "IMMIGRATION"].includes(a)),
];

export const PRECEDENCE: Record<ResolvedField, readonly AgencyType[] | "latest"> = {
  fullName: IDENTITY_ORDER,
  birthDate: IDENTITY_ORDER,
  sex: IDENTITY_ORDER,
  nationality: IDENTITY_ORDER,
  originRegionCode: ORIGIN_ORDER,
  phone: "latest",
  email: "latest",
  address: "latest",
};

export interface StatementForResolution {
  id: string;
  sourceAgency: string;
  /** Agency type of sourceAgency; unknown agencies rank last. */
  agencyType: AgencyType | null;
  contributedAt: Date;
  updatedAt: Date;
  fullName: string | null;
  aliases: string[];
  birthDate: Date | null;
  sex: Sex | null;
  nationality: string[];
  originRegionCode: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface ResolvedPerson {
  fullName: string | null;
  aliases: string[];
  birthDate: Date | null;
  sex: Sex | null;
  nationality: string[];
  originRegionCode: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface FieldConflict {
  field: ResolvedField;
  /** Statement whose value the hub shows. */
  chosenStatementId: string;
  values: { statementId: string; sourceAgency: string; value: string }[];
}

export interface Resolution {
  resolved: ResolvedPerson;
  /** Which statement each resolved field came from (absent when no agency gave a value). */
  sources: Partial<Record<ResolvedField, string>>;
  conflicts: FieldConflict[];
}

const isBlank = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/** Comparable text form of a value (dates as YYYY-MM-DD, lists sorted). */
export function valueKey(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return [...v].sort().join(",");
  return String(v);
}

function rank(order: readonly AgencyType[] | "latest", s: StatementForResolution): number {
  if (order === "latest") return 0;
  const i = s.agencyType ? order.indexOf(s.agencyType) : -1;
  return i < 0 ? order.length : i;
}

export function resolvePerson(statements: readonly StatementForResolution[]): Resolution {
  const resolved: ResolvedPerson = {
    fullName: null,
    aliases: [],
    birthDate: null,
    sex: null,
    nationality: [],
    originRegionCode: null,
    phone: null,
    email: null,
    address: null,
  };
  const sources: Resolution["sources"] = {};
  const conflicts: FieldConflict[] = [];
  for (const field of RESOLVED_FIELDS) {
    const order = PRECEDENCE[field];
    const candidates = statements
      .filter((s) => !isBlank(s[field]))
      .sort(
        (a, b) =>
          rank(order, a) - rank(order, b) ||
          b.updatedAt.getTime() - a.updatedAt.getTime() ||
          a.sourceAgency.localeCompare(b.sourceAgency),
      );
    const chosen = candidates[0];
    if (!chosen) continue;
    (resolved as unknown as Record<string, unknown>)[field] = chosen[field];
    sources[field] = chosen.id;
    if (new Set(candidates.map((c) => valueKey(c[field]))).size > 1) {
      conflicts.push({
        field,
        chosenStatementId: chosen.id,
        values: candidates.map((c) => ({ statementId: c.id, sourceAgency: c.sourceAgency, value: valueKey(c[field]) })),
      });
    }
  }
  // Aliases accumulate: every name any agency knows the person by, plus non-chosen full names.
  const names = new Set<string>();
  for (const s of statements) {
    for (const a of s.aliases) names.add(a);
    if (s.fullName && s.fullName !== resolved.fullName) names.add(s.fullName);
  }
  resolved.aliases = [...names].sort();
  return { resolved, sources, conflicts };
}
