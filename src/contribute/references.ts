// Links to other records: by hub id, by (sourceAgency, externalId), or for persons by identity
// document. Linking never changes the referenced record.
//
// Forbidden looks like missing, for writes too (docs/contributing.md, "What a reference reveals"):
// - your own records (your externalId) are always found;
// - by hub id or another agency's key, a reference finds only rows the access policy lets your
//   roles reference (`rows` and `links` in src/policy/rules.ts); any other row is answered with
//   the same NOT_FOUND, the same message and the same single query as a row that does not exist;
// - by NIK or passport, a reference links by identity: the Person holding the document, or a new
//   one when nobody does, through a reference statement of yours. Both answer the same, so a
//   reference never tells whether the hub knew the document; what you may read afterwards is
//   decided by the row scopes, and a link to a person you could not read never widens them
//   (src/contribute/links.ts).
// Messages only repeat what the caller sent, so a failed lookup reveals nothing else.
import type { OrganizationKind } from "../generated/prisma/enums.ts";
import { documentKey, documentNumberProblem, normalizeDocumentNumber } from "../domain/identity-documents";
import { parseNik } from "../domain/nik";
import type { Env } from "./env";
import { fieldError, nikRegionMessage } from "./result";
import type { PersonRef, RecordRef } from "./schema-kit";
import { lockKey } from "./store";

type Path = (string | number)[];
type Where = Record<string, unknown>;

function describe(ref: RecordRef, agency: string): string {
  return ref.id ? `id ${ref.id}` : `externalId ${ref.externalId} of ${ref.sourceAgency ?? agency}`;
}

function notFound(env: Env, path: Path, what: string, ref: RecordRef) {
  env.errors.push(fieldError(path, "NOT_FOUND", `No ${what} with ${describe(ref, env.contributor.agency)}.`));
  return null;
}

/** The where that finds the referenced row: own key as is; anything else inside the link scope. */
function target(env: Env, type: "Case" | "Organization", ref: RecordRef): Where {
  const own = !ref.id && (ref.sourceAgency ?? env.contributor.agency) === env.contributor.agency;
  const key = ref.id ? { id: ref.id } : { sourceAgency: ref.sourceAgency ?? env.contributor.agency, externalId: ref.externalId! };
  return own ? key : { AND: [key, env.contributor.linkWhere(type)] };
}

/** Case id for a reference, or null (with an error recorded). */
export async function resolveCase(env: Env, path: Path, ref: RecordRef | null): Promise<string | null> {
  if (!ref) return null;
  const row = await env.tx.case.findFirst({ where: target(env, "Case", ref), select: { id: true } });
  return row?.id ?? notFound(env, path, "case", ref);
}

/** Organization id for a reference; `kinds` restricts what it may be (P3MI for a placement's p3mi). */
export async function resolveOrganization(env: Env, path: Path, ref: RecordRef | null, kinds?: readonly OrganizationKind[]): Promise<string | null> {
  if (!ref) return null;
  const row = await env.tx.organization.findFirst({ where: target(env, "Organization", ref), select: { id: true, kind: true } });
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
  if (ref.document) return personByDocument(env, [...path, "document"], ref.document);
  if (ref.id) {
    const row = await env.tx.person.findFirst({ where: { AND: [{ id: ref.id }, env.contributor.linkWhere("Person")] }, select: { id: true } });
    return row?.id ?? notFound(env, path, "person", ref);
  }
  const sourceAgency = ref.sourceAgency ?? env.contributor.agency;
  const own = sourceAgency === env.contributor.agency;
  const st = await env.tx.personStatement.findFirst({
    where: { sourceAgency, externalId: ref.externalId!, ...(own ? {} : { person: env.contributor.linkWhere("Person") }) },
    select: { personId: true },
  });
  return st?.personId ?? notFound(env, path, "person", ref);
}

/** Source system of the statements references by document create. */
export const REFERENCE_SOURCE_SYSTEM = "HUB-REFERENCE";

/**
 * Links by identity document. The caller's reference statement (externalId
 * `document:<type>:<country>:<number>`, no values) records that it named this document; it joins
 * the Person holding the document, or a new Person registered by nobody, so that neither the
 * answer nor what the caller can read afterwards depends on whether the hub knew the document.
 */
async function personByDocument(env: Env, path: Path, d: NonNullable<PersonRef["document"]>): Promise<string | null> {
  const { tx, contributor } = env;
  const number = normalizeDocumentNumber(d.type, d.number);
  const issuingCountry = d.issuingCountry ?? "ID";
  // The number must be valid before anything is created: checked against the input only.
  if (d.type === "NIK") {
    const parsed = parseNik(number);
    if (!parsed.ok) {
      for (const p of parsed.problems) env.errors.push(fieldError([...path, "number"], p.code, p.message));
      return null;
    }
    const regency = await tx.region.findUnique({ where: { code: parsed.parts.regency }, select: { code: true } });
    if (!regency) {
      env.errors.push(fieldError([...path, "number"], "NIK_REGION", nikRegionMessage(parsed.parts.regency)));
      return null;
    }
  } else {
    const problem = documentNumberProblem(d.type, number, issuingCountry);
    if (problem) {
      env.errors.push(fieldError([...path, "number"], "INVALID_FORMAT", problem));
      return null;
    }
  }
  const doc = { type: d.type, number, issuingCountry };
  // Same lock as person contributions: a concurrent contribution of this document waits.
  await lockKey(tx, `person-document:${documentKey(doc)}`);
  const rows = await tx.identityDocument.findMany({ where: doc, select: { personId: true }, distinct: ["personId"], take: 2 });
  if (rows.length > 1) {
    env.errors.push(fieldError(path, "AMBIGUOUS_REFERENCE", "This document is recorded for more than one person; reference the person by id or externalId."));
    return null;
  }
  // The caller already stated this document (its own person record): nothing to add.
  if (rows[0] && (await tx.identityDocument.count({ where: { ...doc, personId: rows[0].personId, statement: { sourceAgency: contributor.agency } } })) > 0) return rows[0].personId;
  const externalId = `document:${documentKey(doc)}`;
  const mine = await tx.personStatement.findUnique({ where: { sourceAgency_externalId: { sourceAgency: contributor.agency, externalId } }, select: { id: true, personId: true } });
  const personId = rows[0]?.personId ?? mine?.personId ?? (await tx.person.create({ data: { createdByAgency: null }, select: { id: true } })).id;
  if (!mine) {
    const st = await tx.personStatement.create({
      data: { personId, sourceAgency: contributor.agency, sourceSystem: REFERENCE_SOURCE_SYSTEM, externalId, contributedAt: env.now, contributedBy: contributor.subject },
      select: { id: true },
    });
    await tx.identityDocument.create({ data: { ...doc, personId, statementId: st.id } });
  } else if (mine.personId !== personId) {
    // The caller's reference statement belongs to another Person than the document's holder now
    // (an administrator re-linked it): refuse rather than guess, as person contributions do.
    env.errors.push(fieldError(path, "IDENTITY_CONFLICT", "This document is recorded for a different person than your earlier reference to it; ask the hub administrators to review."));
    return null;
  }
  return personId;
}
