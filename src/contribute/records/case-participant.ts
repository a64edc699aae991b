// Case participants (the HTCDS "connected person" junction): a person in a role in a case, with
// the victim context (vic_) or perpetrator context (per_) that role carries.
import { z } from "zod";
import { ParticipantRole, RelationshipToTrafficker, TraffickingStatus } from "../../generated/prisma/enums.ts";
import { PERPETRATOR_ROLES, SERVICE_TYPES } from "../../domain/vocabulary";
import { defineHandler } from "../handler";
import { resolveCase, resolveOrganization, resolvePerson } from "../references";
import { opensScope } from "../links";
import { AGENCY_CODE, issue, opt, optText, personRef, provenance, recordRef, vocabList } from "../schema-kit";
import { rejectIfErrors, writeRecord, type ProvenanceDelegate } from "../store";

/** Fields that describe a victim (and for needs/consent also a witness); others must leave them empty. */
const VICTIM_ONLY = ["traffickingStatus", "ageAtExploitation", "relationshipToTrafficker"] as const;
const VICTIM_OR_WITNESS = ["needs", "consentAgencies"] as const;
const SUSPECT_ONLY = ["suspectRoles", "suspectOrganization", "roleDetails"] as const;

export const caseParticipantSchema = z
  .object({
    ...provenance,
    case: recordRef,
    person: personRef,
    role: z.enum(ParticipantRole),
    traffickingStatus: opt(z.enum(TraffickingStatus)),
    ageAtExploitation: opt(z.number().int().min(0, { message: "Between 0 and 120." }).max(120, { message: "Between 0 and 120." })),
    needs: vocabList(SERVICE_TYPES),
    relationshipToTrafficker: opt(z.enum(RelationshipToTrafficker)),
    consentAgencies: opt(
      z
        .array(
          z
            .string()
            .transform((s) => s.trim().toUpperCase())
            .pipe(z.string().regex(AGENCY_CODE, { message: "An agency code, e.g. DINSOS-KALBAR." })),
        )
        .max(50),
    ).transform((a) => [...new Set(a ?? [])].sort()),
    suspectRoles: vocabList(PERPETRATOR_ROLES),
    suspectOrganization: opt(recordRef),
    roleDetails: optText(2000),
  })
  .strict()
  .superRefine((p, ctx) => {
    const empty = (v: unknown) => v == null || (Array.isArray(v) && v.length === 0);
    const notFor = (fields: readonly (keyof typeof p)[], roles: readonly string[]) => {
      if (roles.includes(p.role)) return;
      for (const f of fields) if (!empty(p[f])) issue(ctx, [f], "NOT_APPLICABLE", `${f} applies to participants with role ${roles.join(" or ")}.`);
    };
    notFor(VICTIM_ONLY, ["VICTIM"]);
    notFor(VICTIM_OR_WITNESS, ["VICTIM", "WITNESS"]);
    notFor(SUSPECT_ONLY, ["SUSPECT"]);
  });
export type CaseParticipantInput = z.output<typeof caseParticipantSchema>;

export const caseParticipantHandler = defineHandler({
  type: "CaseParticipant",
  schema: caseParticipantSchema,
  find: (tx, sourceAgency, externalId) => tx.caseParticipant.findUnique({ where: { sourceAgency_externalId: { sourceAgency, externalId } } }),
  async apply(env, input, existing) {
    const caseId = await resolveCase(env, ["case"], input.case);
    const personId = await resolvePerson(env, ["person"], input.person);
    const suspectOrganizationId = await resolveOrganization(env, ["suspectOrganization"], input.suspectOrganization);
    rejectIfErrors(env);
    return writeRecord(env, env.tx.caseParticipant as unknown as ProvenanceDelegate, input, existing, {
      caseId,
      personId,
      opensScope: await opensScope(env, { personId, caseId }, existing),
      role: input.role,
      traffickingStatus: input.traffickingStatus,
      ageAtExploitation: input.ageAtExploitation,
      // Derived, never sent: a child is under 18 at the time of exploitation (UU 21/2007 Art. 1).
      isChild: input.ageAtExploitation != null && input.ageAtExploitation < 18,
      needs: input.needs,
      relationshipToTrafficker: input.relationshipToTrafficker,
      consentAgencies: input.consentAgencies,
      suspectRoles: input.suspectRoles,
      suspectOrganizationId,
      roleDetails: input.roleDetails,
    });
  },
});
