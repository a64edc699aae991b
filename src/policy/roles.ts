// The roles and purposes a token may carry. Tokens naming anything else are refused.
export const ROLES = [
  "police-investigator",
  "prosecutor",
  "bp3mi-officer",
  "immigration-officer",
  "social-worker",
  "legal-aid",
  "ltsa-officer",
  "ngo-case-worker",
  "ngo-analyst",
  "task-force-analyst",
  "auditor",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

/** Purposes of processing (UU 27/2022 Art. 16); a token declares exactly one. */
export const PURPOSES = [
  "investigation",
  "prosecution",
  "victim-services",
  "placement-protection",
  "border-control",
  "legal-aid",
  "early-warning",
  "statistics",
  "audit",
  "administration",
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const isRole = (r: unknown): r is Role => typeof r === "string" && (ROLES as readonly string[]).includes(r);
export const isPurpose = (p: unknown): p is Purpose => typeof p === "string" && (PURPOSES as readonly string[]).includes(p);
