// Links to other records, whoever contributed them: by hub id, by (sourceAgency, externalId),
// or for persons by identity document. Linking never changes the referenced record.
// Links deliberately reach records outside the contributor's read scope: cross-agency linking
// (Polda's victim is BP3MI's worker) is the point of the hub. A link confirms that the referenced
// record exists, never what it says; every link is an audited write, and the row scopes decide
// what the contributor can read afterwards (src/policy/rules.ts).
// Messages only repeat what the caller sent, so a failed lookup reveals nothing else.
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

/** Case id for a reference, or null (with an error recorded). */
export async function resolveCase(env: Env, path: Path, ref: RecordRef | null): Promise<string | null> {
  if (!ref) return null;
  const row = ref.id
    ? await env.tx.case.findUnique({ where: { id: ref.id }, select: { id: true } })
    : await env.tx.case.findUnique({
        where: { sourceAgency_externalId: { sourceAgency: ref.sourceAgency ?? env.contributor.agency, externalId: ref.externalId! } },
        select: { id: true },
      });
  return row?.id ?? notFound(env, path, "case", ref);
}

/** Organization id for a reference; `kinds` restricts what it may be (P3MI for a placement's p3mi). */
export async function resolveOrganization(env: Env, path: Path, ref: RecordRef | null, kinds?: readonly OrganizationKind[]): Promise<string | null> {
  if (!ref) return null;
  const row = ref.id
    ? await env.tx.organization.findUnique({ where: { id: ref.id }, select: { id: true, kind: true } })
    : await env.tx.organization.findUnique({
        where: { sourceAgency_externalId: { sourceAgency: ref.sourceAgency ?? env.contributor.agency, externalId: ref.externalId! } },
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
      where: { type: d.type, number, issuingCountry },
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
    const row = await env.tx.person.findUnique({ where: { id: ref.id }, select: { id: true } });
    return row?.id ?? notFound(env, path, "person", ref);
  }
  const st = await env.tx.personStatement.findUnique({
    where: { sourceAgency_externalId: { sourceAgency: ref.sourceAgency ?? env.contributor.agency, externalId: ref.externalId! } },
    select: { personId: true },
  });
  return st?.personId ?? notFound(env, path, "person", ref);
}
