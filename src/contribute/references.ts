// Links to other records: by hub id, by (sourceAgency, externalId), or for persons by identity
// document. A link reaches the contributor's own records and whatever its row scope lets it read;
// anything else answers exactly like a record that does not exist, so references are no oracle.
// Linking never changes the referenced record. Messages only repeat what the caller sent.
import type { OrganizationKind } from "../generated/prisma/enums.ts";
import { normalizeDocumentNumber } from "../domain/identity-documents";
import type { Env } from "./env";
import { fieldError } from "./result";
import type { PersonRef, RecordRef } from "./schema-kit";

type Path = (string | number)[];

function describe(ref: RecordRef, agency: string): string {
  return ref.id ? `id ${ref.id}` : `externalId ${ref.externalId} of ${ref.sourceAgency ?? agency}`;
}

function notFound(env: Env, path: Path, what: string, ref: RecordRef) {
  env.errors.push(fieldError(path, "NOT_FOUND", `No ${what} with ${describe(ref, env.contributor.agency)}.`));
  return null;
}

/** Unique key of a reference to a contributed record. */
function keyOf(ref: RecordRef, env: Env): Record<string, unknown> {
  return ref.id ? { id: ref.id } : { sourceAgency: ref.sourceAgency ?? env.contributor.agency, externalId: ref.externalId! };
}

/** Own records, or records inside the contributor's row scope. */
function reachable(env: Env, type: "Case" | "Organization" | "Person"): Record<string, unknown> {
  const scope = env.scope(type);
  if (Object.keys(scope).length === 0) return {};
  return type === "Person" ? scope : { OR: [{ sourceAgency: env.contributor.agency }, scope] };
}

/** Case id for a reference, or null (with an error recorded). */
export async function resolveCase(env: Env, path: Path, ref: RecordRef | null): Promise<string | null> {
  if (!ref) return null;
  const row = await env.tx.case.findFirst({ where: { AND: [keyOf(ref, env), reachable(env, "Case")] }, select: { id: true } });
  return row?.id ?? notFound(env, path, "case", ref);
}

/** Organization id for a reference; `kinds` restricts what it may be (P3MI for a placement's p3mi). */
export async function resolveOrganization(env: Env, path: Path, ref: RecordRef | null, kinds?: readonly OrganizationKind[]): Promise<string | null> {
  if (!ref) return null;
  const row = await env.tx.organization.findFirst({
    where: { AND: [keyOf(ref, env), reachable(env, "Organization")] },
    select: { id: true, kind: true },
  });
  if (!row) return notFound(env, path, "organization", ref);
  if (kinds && !kinds.includes(row.kind)) {
    env.errors.push(fieldError(path, "WRONG_KIND", `This field needs an organization of kind ${kinds.join(" or ")}.`));
    return null;
  }
  return row.id;
}

/**
 * Person id for a reference. `{ externalId, sourceAgency }` names an agency's person record
 * (its PersonStatement) and resolves to the Person it was merged into.
 */
export async function resolvePerson(env: Env, path: Path, ref: PersonRef | null): Promise<string | null> {
  if (!ref) return null;
  if (ref.document) {
    const d = ref.document;
    const number = normalizeDocumentNumber(d.type, d.number);
    const issuingCountry = d.issuingCountry ?? "ID";
    const rows = await env.tx.identityDocument.findMany({
      where: { type: d.type, number, issuingCountry, person: reachable(env, "Person") },
      select: { personId: true },
      distinct: ["personId"],
      take: 2,
    });
    if (rows.length > 1) {
      env.errors.push(fieldError([...path, "document"], "AMBIGUOUS_REFERENCE", "This document is recorded for more than one person; reference the person by id or externalId."));
      return null;
    }
    if (!rows[0]) {
      env.errors.push(fieldError([...path, "document"], "NOT_FOUND", `No person with ${d.type} ${number} (${issuingCountry}).`));
      return null;
    }
    return rows[0].personId;
  }
  if (ref.id) {
    const row = await env.tx.person.findFirst({ where: { AND: [{ id: ref.id }, env.scope("Person")] }, select: { id: true } });
    return row?.id ?? notFound(env, path, "person", ref);
  }
  // An agency's own statement always links to the person it describes; another agency's
  // statement only when that person is within the contributor's scope.
  const sourceAgency = ref.sourceAgency ?? env.contributor.agency;
  const st = await env.tx.personStatement.findFirst({
    where: { sourceAgency, externalId: ref.externalId!, ...(sourceAgency === env.contributor.agency ? {} : { person: env.scope("Person") }) },
    select: { personId: true },
  });
  return st?.personId ?? notFound(env, path, "person", ref);
}
