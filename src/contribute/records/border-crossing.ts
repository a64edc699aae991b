// Border crossings (Imigrasi / SIMKIM): exits and entries at a PLBN, airport, seaport or an
// informal path, including deportations.
import { z } from "zod";
import { BorderPost, CrossingDirection, IdentityDocumentType } from "../../generated/prisma/enums.ts";
import { documentNumberProblem, normalizeDocumentNumber } from "../../domain/identity-documents";
import { parseNik } from "../../domain/nik";
import { defineHandler } from "../handler";
import { resolveCase, resolvePerson } from "../references";
import { opensScope } from "../links";
import { checkNotFuture, countryCode, instant, issue, opt, optText, personRef, provenance, recordRef } from "../schema-kit";
import { rejectIfErrors, writeRecord, type ProvenanceDelegate } from "../store";

export const borderCrossingSchema = z
  .object({
    ...provenance,
    person: personRef,
    case: opt(recordRef),
    direction: z.enum(CrossingDirection),
    post: z.enum(BorderPost),
    postName: optText(200),
    documentType: opt(z.enum(IdentityDocumentType)),
    documentNumber: optText(40),
    counterpartCountry: opt(countryCode),
    crossedAt: instant,
    deportation: opt(z.boolean()).transform((b) => b ?? false),
  })
  .strict()
  .transform((c, ctx) => {
    checkNotFuture(ctx, new Date(), [[["crossedAt"], c.crossedAt, "instant"]]);
    if (c.documentNumber && !c.documentType) issue(ctx, ["documentType"], "REQUIRED", "documentNumber needs its documentType.");
    if (c.documentType && !c.documentNumber) issue(ctx, ["documentNumber"], "REQUIRED", "documentType needs the documentNumber.");
    let documentNumber = c.documentNumber;
    if (c.documentType && documentNumber) {
      documentNumber = normalizeDocumentNumber(c.documentType, documentNumber);
      if (c.documentType === "NIK") {
        const parsed = parseNik(documentNumber);
        if (!parsed.ok) for (const p of parsed.problems) issue(ctx, ["documentNumber"], p.code, p.message);
      } else {
        // The crossing does not say who issued the document: apply the loose foreign rule.
        const problem = documentNumberProblem(c.documentType, documentNumber, c.documentType === "PASSPORT" ? "XX" : "ID");
        if (problem) issue(ctx, ["documentNumber"], "INVALID_FORMAT", problem);
      }
    }
    if (c.post === "OTHER" && !c.postName) issue(ctx, ["postName"], "REQUIRED", "Name the place when post is OTHER.");
    return { ...c, documentNumber };
  });

export const borderCrossingHandler = defineHandler({
  type: "BorderCrossing",
  schema: borderCrossingSchema,
  find: (tx, sourceAgency, externalId) => tx.borderCrossing.findUnique({ where: { sourceAgency_externalId: { sourceAgency, externalId } } }),
  async apply(env, input, existing) {
    const personId = await resolvePerson(env, ["person"], input.person);
    const caseId = await resolveCase(env, ["case"], input.case);
    rejectIfErrors(env);
    return writeRecord(env, env.tx.borderCrossing as unknown as ProvenanceDelegate, input, existing, {
      personId,
      caseId,
      opensScope: await opensScope(env, { personId, caseId }, existing),
      direction: input.direction,
      post: input.post,
      postName: input.postName,
      documentType: input.documentType,
      documentNumber: input.documentNumber,
      counterpartCountry: input.counterpartCountry,
      crossedAt: input.crossedAt,
      deportation: input.deportation,
    });
  },
});
