// Repatriations: a person brought home from abroad, where they arrived and who received them.
import { z } from "zod";
import { BorderPost } from "../../generated/prisma/enums.ts";
import { defineHandler } from "../handler";
import { resolveCase, resolveOrganization, resolvePerson } from "../references";
import { opensScope } from "../links";
import { calendarDate, checkNotFuture, countryCode, issue, opt, personRef, provenance, recordRef } from "../schema-kit";
import { rejectIfErrors, writeRecord, type ProvenanceDelegate } from "../store";

export const repatriationSchema = z
  .object({
    ...provenance,
    person: personRef,
    case: opt(recordRef),
    fromCountry: countryCode,
    arrivalPoint: z.enum(BorderPost),
    arrivedAt: calendarDate,
    receivingOrganization: opt(recordRef),
  })
  .strict()
  .superRefine((r, ctx) => {
    checkNotFuture(ctx, new Date(), [[["arrivedAt"], r.arrivedAt, "date"]]);
    if (r.fromCountry === "ID") issue(ctx, ["fromCountry"], "INCONSISTENT", "A repatriation comes from another country than ID.");
  });

export const repatriationHandler = defineHandler({
  type: "Repatriation",
  schema: repatriationSchema,
  find: (tx, sourceAgency, externalId) => tx.repatriation.findUnique({ where: { sourceAgency_externalId: { sourceAgency, externalId } } }),
  async apply(env, input, existing) {
    const personId = await resolvePerson(env, ["person"], input.person);
    const caseId = await resolveCase(env, ["case"], input.case);
    const receivingOrganizationId = await resolveOrganization(env, ["receivingOrganization"], input.receivingOrganization);
    rejectIfErrors(env);
    return writeRecord(env, env.tx.repatriation as unknown as ProvenanceDelegate, input, existing, {
      personId,
      caseId,
      opensScope: await opensScope(env, { personId, caseId }, existing),
      fromCountry: input.fromCountry,
      arrivalPoint: input.arrivalPoint,
      arrivedAt: input.arrivedAt,
      receivingOrganizationId,
    });
  },
});
