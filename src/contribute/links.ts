// Whether a record that links a person (and a case) may open row scopes: only when its
// contributor could already read what it links (src/policy/scopes.ts, `opensScope`). A link made
// by identity to a person the contributor cannot read is stored, so agencies' records meet, but it
// never widens the contributor's rows, nor anyone else's (issue 8, class 1).
import type { Env } from "./env";

type Links = { personId?: string | null; caseId?: string | null };

/**
 * Decided when the record is created or its links change; a resend with the same links keeps the
 * stored answer (an unchanged record stays UNCHANGED).
 */
export async function opensScope(env: Env, links: Links, stored?: Record<string, unknown> | null): Promise<boolean> {
  const { tx, contributor } = env;
  if (stored && typeof stored.opensScope === "boolean" && (stored.personId ?? null) === (links.personId ?? null) && (stored.caseId ?? null) === (links.caseId ?? null)) {
    return stored.opensScope;
  }
  if (links.personId) {
    const seen = await tx.person.count({ where: { AND: [{ id: links.personId }, contributor.readWhere("Person")] } });
    if (seen === 0) return false;
  }
  if (links.caseId) {
    const seen = await tx.case.count({ where: { AND: [{ id: links.caseId }, contributor.readWhere("Case")] } });
    if (seen === 0) return false;
  }
  return true;
}
