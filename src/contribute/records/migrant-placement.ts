// Migrant worker placements (BP3MI / SISKOP2MI): who was placed where, by which P3MI, and
// whether the placement followed procedure. Dates may be planned, so they may lie in the future.
import { z } from "zod";
import { Industry } from "../../generated/prisma/enums.ts";
import { OTHER_DOCUMENT } from "../../domain/identity-documents";
import { defineHandler } from "../handler";
import { resolveCase, resolveOrganization, resolvePerson } from "../references";
import { opensScope } from "../links";
import { calendarDate, checkOrder, countryCode, opt, optText, personRef, provenance, recordRef } from "../schema-kit";
import { rejectIfErrors, writeRecord, type ProvenanceDelegate } from "../store";

export const migrantPlacementSchema = z
  .object({
    ...provenance,
    worker: personRef,
    case: opt(recordRef),
    p3mi: opt(recordRef),
    employer: opt(recordRef),
    destinationCountry: countryCode,
    destinationCity: optText(200),
    jobTitle: optText(200),
    industry: opt(z.enum(Industry)),
    procedural: z.boolean(),
    idPmi: opt(
      z
        .string()
        .transform((s) => s.trim().toUpperCase().replace(/\s+/g, ""))
        .pipe(z.string().regex(OTHER_DOCUMENT, { message: "An ID PMI is 3 to 40 letters, digits and . / - separators." })),
    ),
    departureDate: opt(calendarDate),
    returnDate: opt(calendarDate),
  })
  .strict()
  .superRefine((p, ctx) => {
    checkOrder(ctx, [
      ["departureDate", p.departureDate],
      ["returnDate", p.returnDate],
    ]);
  });

export const migrantPlacementHandler = defineHandler({
  type: "MigrantPlacement",
  schema: migrantPlacementSchema,
  find: (tx, sourceAgency, externalId) => tx.migrantPlacement.findUnique({ where: { sourceAgency_externalId: { sourceAgency, externalId } } }),
  async apply(env, input, existing) {
    const workerId = await resolvePerson(env, ["worker"], input.worker);
    const caseId = await resolveCase(env, ["case"], input.case);
    const p3miId = await resolveOrganization(env, ["p3mi"], input.p3mi, ["P3MI"]);
    const employerId = await resolveOrganization(env, ["employer"], input.employer, ["EMPLOYER"]);
    rejectIfErrors(env);
    return writeRecord(env, env.tx.migrantPlacement as unknown as ProvenanceDelegate, input, existing, {
      workerId,
      caseId,
      opensScope: await opensScope(env, { personId: workerId, caseId }, existing && { ...existing, personId: existing.workerId }),
      p3miId,
      employerId,
      destinationCountry: input.destinationCountry,
      destinationCity: input.destinationCity,
      jobTitle: input.jobTitle,
      industry: input.industry,
      procedural: input.procedural,
      idPmi: input.idPmi,
      departureDate: input.departureDate,
      returnDate: input.returnDate,
    });
  },
});
