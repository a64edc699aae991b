// Persons: one human being = one Person. Each agency's contribution is its own PersonStatement
// (keyed by the agency's externalId) with its own values and identity documents; the Person's
// columns are recomputed from all statements by resolvePerson (domain/person-resolution.ts).
//
// Matching: a statement joins the Person that already holds any of its NIKs or passports
// (number + issuing country), whoever contributed them. When its documents point at two
// different Persons, the record is rejected: merging two people is a human decision.
// Concurrency: advisory locks on every matching document key (in sorted order) make two agencies
// contributing the same NIK at the same moment queue up, so the second one finds the first.
import { z } from "zod";
import { IdentityDocumentType, Sex } from "../../generated/prisma/enums.ts";
import { documentKey, documentNumberProblem, DOMESTIC_DOCUMENT_TYPES, MATCHING_DOCUMENT_TYPES, normalizeDocumentNumber } from "../../domain/identity-documents";
import { nikFlags, parseNik, type NikParts } from "../../domain/nik";
import { resolvePerson as resolveStatements, type StatementForResolution } from "../../domain/person-resolution";
import { defineHandler } from "../handler";
import type { Env } from "../env";
import { fieldError, nikRegionMessage, RecordRejected } from "../result";
import { calendarDate, checkNotFuture, countryCode, issue, opt, optText, provenance, regionCode, text } from "../schema-kit";
import { checkRegions, lockKey, rejectIfErrors, sameValue, writeRecord, type ProvenanceDelegate, type StoredRecord } from "../store";

const documentSchema = z
  .object({
    type: z.enum(IdentityDocumentType),
    number: z.string(),
    issuingCountry: opt(countryCode),
  })
  .strict()
  .transform((d, ctx) => {
    const issuingCountry = d.issuingCountry ?? "ID";
    const number = normalizeDocumentNumber(d.type, d.number);
    let nik: NikParts | null = null;
    if ((DOMESTIC_DOCUMENT_TYPES as readonly string[]).includes(d.type) && issuingCountry !== "ID") {
      issue(ctx, ["issuingCountry"], "INCONSISTENT", `A ${d.type} is issued by Indonesia: issuingCountry must be ID.`);
    }
    if (d.type === "NIK") {
      const parsed = parseNik(number);
      if (parsed.ok) nik = parsed.parts;
      else for (const p of parsed.problems) issue(ctx, ["number"], p.code, p.message);
    } else {
      const problem = documentNumberProblem(d.type, number, issuingCountry);
      if (problem) issue(ctx, ["number"], "INVALID_FORMAT", problem);
    }
    return { type: d.type, number, issuingCountry, nik };
  });

export const personSchema = z
  .object({
    ...provenance,
    fullName: optText(200),
    aliases: opt(z.array(z.string().transform((s) => s.trim()).pipe(z.string().min(1).max(200))).max(20)).transform((a) => [...new Set(a ?? [])].sort()),
    birthDate: opt(calendarDate),
    sex: opt(z.enum(Sex)),
    nationality: opt(z.array(countryCode).max(5)).transform((a) => [...new Set(a ?? [])].sort()),
    originRegionCode: opt(regionCode),
    phone: opt(text(32).pipe(z.string().regex(/^\+?[0-9][0-9 ()-]{5,30}$/, { message: "A phone number: digits, optional leading +, spaces, ( ) and -." }))),
    email: opt(text(254).pipe(z.email({ message: "Not an e-mail address." }))),
    address: optText(500),
    documents: opt(z.array(documentSchema).max(10)).transform((a) => a ?? []),
  })
  .strict()
  .superRefine((p, ctx) => {
    checkNotFuture(ctx, new Date(), [[["birthDate"], p.birthDate, "date"]]);
    if (p.birthDate && p.birthDate.getUTCFullYear() < 1900) issue(ctx, ["birthDate"], "OUT_OF_RANGE", "birthDate must be after 1900.");
    const seen = new Map<string, number>();
    p.documents.forEach((d, i) => {
      const k = documentKey(d);
      if (seen.has(k)) issue(ctx, ["documents", i], "DUPLICATE_VALUE", `Same document as documents[${seen.get(k)}].`);
      else seen.set(k, i);
    });
    if (!p.fullName && p.documents.length === 0) issue(ctx, ["fullName"], "REQUIRED", "A person needs at least a fullName or one identity document.");
  });
export type PersonInput = z.output<typeof personSchema>;

const STATEMENT_FIELDS = ["fullName", "aliases", "birthDate", "sex", "nationality", "originRegionCode", "phone", "email", "address"] as const;

/** Recomputes and stores the Person's resolved columns from all of its statements. */
export async function recomputePerson(env: Env, personId: string): Promise<void> {
  const { tx } = env;
  const statements = await tx.personStatement.findMany({ where: { personId } });
  const agencies = [...new Set(statements.map((s) => s.sourceAgency))];
  const orgs = await tx.organization.findMany({ where: { code: { in: agencies } }, select: { code: true, agencyType: true } });
  const typeOf = new Map(orgs.map((o) => [o.code, o.agencyType]));
  const { resolved } = resolveStatements(statements.map((s): StatementForResolution => ({ ...s, agencyType: typeOf.get(s.sourceAgency) ?? null })));
  const person = await tx.person.findUniqueOrThrow({ where: { id: personId } });
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(resolved)) if (!sameValue((person as Record<string, unknown>)[k], v)) patch[k] = v;
  if (Object.keys(patch).length) await tx.person.update({ where: { id: personId }, data: patch });
}

export const personHandler = defineHandler({
  type: "Person",
  schema: personSchema,
  find: (tx, sourceAgency, externalId) => tx.personStatement.findUnique({ where: { sourceAgency_externalId: { sourceAgency, externalId } } }),
  async apply(env, input, existing) {
    const { tx } = env;
    const niks = input.documents.map((d, i) => [i, d.nik] as const).filter((x): x is readonly [number, NikParts] => !!x[1]);
    await checkRegions(env, [[["originRegionCode"], input.originRegionCode]]);
    // The NIK's kabupaten/kota must exist (kecamatan lists are not complete in Region).
    const regencies = await tx.region.findMany({ where: { code: { in: niks.map(([, n]) => n.regency) } }, select: { code: true } });
    const knownRegencies = new Set(regencies.map((r) => r.code));
    for (const [i, n] of niks) {
      if (!knownRegencies.has(n.regency)) env.errors.push(fieldError(["documents", i, "number"], "NIK_REGION", nikRegionMessage(n.regency)));
    }
    rejectIfErrors(env);

    const matching = input.documents.filter((d) => MATCHING_DOCUMENT_TYPES.includes(d.type));
    for (const key of [...new Set(matching.map(documentKey))].sort()) await lockKey(tx, `person-document:${key}`);
    const holders = matching.length
      ? await tx.identityDocument.findMany({
          where: { OR: matching.map((d) => ({ type: d.type, number: d.number, issuingCountry: d.issuingCountry })) },
          select: { personId: true, type: true, number: true, issuingCountry: true },
        })
      : [];
    const personOf = new Map<string, Set<string>>();
    for (const h of holders) {
      const k = documentKey(h);
      personOf.set(k, (personOf.get(k) ?? new Set()).add(h.personId));
    }
    const candidates = new Set<string>(holders.map((h) => h.personId));
    const ownPerson = (existing?.personId as string | undefined) ?? null;
    if (ownPerson) candidates.add(ownPerson);
    if (candidates.size > 1) {
      // Which documents disagree; never which persons (their ids are not the caller's data).
      const conflicting = input.documents
        .map((d, i) => [i, personOf.get(documentKey(d))] as const)
        .filter(([, ps]) => ps && (ps.size > 1 || (ownPerson ? !ps.has(ownPerson) : true)))
        .map(([i]) => i);
      const errors = (conflicting.length ? conflicting : [0]).map((i) =>
        fieldError(
          ["documents", i],
          "IDENTITY_CONFLICT",
          ownPerson
            ? "This document is already recorded for a different person than the one your record is linked to. Persons are never merged automatically; ask the hub administrators to review."
            : "Your documents identify two different persons already in the hub. Persons are never merged automatically; ask the hub administrators to review.",
        ),
      );
      throw new RecordRejected(errors);
    }
    const personId = ownPerson ?? [...candidates][0] ?? (await tx.person.create({ data: { createdByAgency: env.contributor.agency }, select: { id: true } })).id;

    // Documents: keyed by (type, number, issuingCountry); flags follow this statement's own sex and birth date.
    const wanted = input.documents.map((d, i) => {
      const flags = d.nik ? nikFlags(d.nik, input) : [];
      for (const f of flags) env.warnings.push(fieldError(["documents", i, "number"], f as "NIK_SEX_MISMATCH" | "NIK_BIRTHDATE_MISMATCH", f === "NIK_SEX_MISMATCH" ? "The NIK encodes a different sex than the one recorded; stored with a flag." : "The NIK encodes a different birth date than the one recorded; stored with a flag."));
      return { type: d.type, number: d.number, issuingCountry: d.issuingCountry, flags };
    });
    const stored = existing ? await tx.identityDocument.findMany({ where: { statementId: existing.id } }) : [];
    const storedByKey = new Map(stored.map((s) => [documentKey(s), s]));
    const wantedKeys = new Set(wanted.map(documentKey));
    const toDelete = stored.filter((s) => !wantedKeys.has(documentKey(s)));
    const toCreate = wanted.filter((w) => !storedByKey.has(documentKey(w)));
    const toReflag = wanted.filter((w) => {
      const s = storedByKey.get(documentKey(w));
      return s && !sameValue([...s.flags].sort(), [...w.flags].sort());
    });
    const documentsChanged = toDelete.length + toCreate.length + toReflag.length > 0;

    const data: Record<string, unknown> = { personId };
    for (const f of STATEMENT_FIELDS) data[f] = input[f];
    const outcome = await writeRecord(env, tx.personStatement as unknown as ProvenanceDelegate, input, existing as StoredRecord | null, data, documentsChanged ? ["documents"] : []);
    if (outcome.status === "UNCHANGED") return { ...outcome, id: personId, recordIds: [personId, outcome.id] };
    const statementId = outcome.id;
    if (toDelete.length) await tx.identityDocument.deleteMany({ where: { id: { in: toDelete.map((d) => d.id) } } });
    if (toCreate.length) await tx.identityDocument.createMany({ data: toCreate.map((d) => ({ ...d, personId, statementId })) });
    for (const d of toReflag) await tx.identityDocument.update({ where: { id: storedByKey.get(documentKey(d))!.id }, data: { flags: d.flags } });
    await recomputePerson(env, personId);
    // For persons the id callers reference and query is the Person; version is the statement's.
    return { ...outcome, id: personId, recordIds: [personId, statementId] };
  },
});
