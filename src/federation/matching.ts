// Matching a hub entity's representation to the agency's own rows. The gateway sends the fields
// the subgraph @requires as the caller may see them: a number the caller sees masked matches
// nothing, so a subgraph never lets a caller correlate more than the hub lets it see.

/** The part of a Person representation a subgraph requires to match. */
export interface PersonRepresentation {
  id: string;
  documents?: readonly ({ type?: string | null; number?: string | null } | null)[] | null;
  identityProtected?: boolean | null;
}

/** A masked value keeps some characters and stars the rest (src/policy/maskers.ts). */
export const isMasked = (value: string): boolean => value.includes("*");

/**
 * The person's document numbers of `type` (NIK, PASSPORT, KK, ...) usable as match keys: clear
 * values only, normalised as the hub stores them (upper case, no spaces), without duplicates.
 */
export function documentNumbers(person: PersonRepresentation, type: string): string[] {
  const out = new Set<string>();
  for (const d of person.documents ?? []) {
    if (!d || d.type !== type || typeof d.number !== "string") continue;
    const n = d.number.replace(/\s+/g, "").toUpperCase();
    if (n && !isMasked(n)) out.add(n);
  }
  return [...out];
}

/**
 * Whether a kode wilayah lies in the caller's jurisdiction, as the hub's own scopes decide it: no
 * jurisdiction is no territorial limit; "61.03" covers "61.03" and "61.03.21", never "61.031".
 * For a row scope: `inJurisdiction: (row, p) => inJurisdiction(row.kode_wilayah, p)`.
 */
export function inJurisdiction(code: string | null | undefined, principal: { jurisdiction: readonly string[] }): boolean {
  if (principal.jurisdiction.length === 0) return true;
  return typeof code === "string" && principal.jurisdiction.some((p) => code === p || code.startsWith(`${p}.`));
}
