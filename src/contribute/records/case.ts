// Cases (HTCDS cas_/vic_ aggregate): modus, exploitation, recruitment, route, dates, and the
// organizations the case is assigned to (CaseAssignment), which are part of the case record.
import { z } from "zod";
import { BorderPost, CaseStatus, Industry } from "../../generated/prisma/enums.ts";
import { CONTROL_METHODS, EXPLOITATION_TYPES, MODUS, RECRUITMENT_APPS, RECRUITMENT_METHODS, SEX_EXPLOITATION_TYPES } from "../../domain/vocabulary";
import { defineHandler } from "../handler";
import { resolveOrganization } from "../references";
import {
  calendarDate,
  checkNotFuture,
  checkOrder,
  countryCode,
  issue,
  opt,
  optText,
  provenance,
  recordRef,
  regionCode,
  vocabList,
} from "../schema-kit";
import { checkRegions, rejectIfErrors, writeRecord, type ProvenanceDelegate } from "../store";

/** Why an organization is assigned to a case (CaseAssignment.purpose). */
export const ASSIGNMENT_PURPOSES = [
  "INVESTIGATION",
  "PROSECUTION",
  "CASE_MANAGEMENT",
  "VICTIM_SERVICES",
  "LEGAL_AID",
  "MIGRANT_WORKER_PROTECTION",
] as const;

const CLOSED: readonly string[] = ["Closed", "ClosedReferred"];

export const caseSchema = z
  .object({
    ...provenance,
    title: optText(300),
    status: opt(z.enum(CaseStatus)).transform((s) => s ?? "Active"),
    modus: vocabList(MODUS),
    exploitationTypes: vocabList(EXPLOITATION_TYPES),
    sexExploitationTypes: vocabList(SEX_EXPLOITATION_TYPES),
    forcedLabourIndustry: opt(z.enum(Industry)),
    recruitmentMethods: vocabList(RECRUITMENT_METHODS),
    controlMethods: vocabList(CONTROL_METHODS),
    recruitmentApps: vocabList(RECRUITMENT_APPS),
    originRegionCode: opt(regionCode),
    recruitmentRegionCode: opt(regionCode),
    // Route order matters: kept as sent.
    transitCountries: opt(z.array(countryCode).max(20)).transform((a) => a ?? []),
    transitBorderPost: opt(z.enum(BorderPost)),
    destinationCountry: opt(countryCode),
    destinationCity: optText(200),
    identifiedAt: opt(calendarDate),
    exploitationStartedAt: opt(calendarDate),
    exploitationEndedAt: opt(calendarDate),
    closedAt: opt(calendarDate),
    closureReason: optText(1000),
    summary: optText(10000),
    assignedOrganizations: opt(
      z
        .array(
          z
            .object({
              organization: recordRef,
              purpose: z.enum(ASSIGNMENT_PURPOSES),
            })
            .strict(),
        )
        .max(20),
    ).transform((a) => a ?? []),
  })
  .strict()
  .superRefine((c, ctx) => {
    const now = new Date();
    checkNotFuture(ctx, now, [
      [["identifiedAt"], c.identifiedAt, "date"],
      [["exploitationStartedAt"], c.exploitationStartedAt, "date"],
      [["exploitationEndedAt"], c.exploitationEndedAt, "date"],
      [["closedAt"], c.closedAt, "date"],
    ]);
    checkOrder(ctx, [
      ["exploitationStartedAt", c.exploitationStartedAt],
      ["exploitationEndedAt", c.exploitationEndedAt],
    ]);
    checkOrder(ctx, [
      ["identifiedAt", c.identifiedAt],
      ["closedAt", c.closedAt],
    ]);
    if (c.sexExploitationTypes.length && !c.exploitationTypes.includes("SexualExploitation")) {
      issue(ctx, ["sexExploitationTypes"], "INCONSISTENT", "sexExploitationTypes needs SexualExploitation in exploitationTypes.");
    }
    if (!CLOSED.includes(c.status)) {
      if (c.closedAt) issue(ctx, ["closedAt"], "NOT_APPLICABLE", "closedAt applies to cases with status Closed or ClosedReferred.");
      if (c.closureReason) issue(ctx, ["closureReason"], "NOT_APPLICABLE", "closureReason applies to cases with status Closed or ClosedReferred.");
    }
  });
export type CaseInput = z.output<typeof caseSchema>;

const FIELDS = [
  "title",
  "status",
  "modus",
  "exploitationTypes",
  "sexExploitationTypes",
  "forcedLabourIndustry",
  "recruitmentMethods",
  "controlMethods",
  "recruitmentApps",
  "originRegionCode",
  "recruitmentRegionCode",
  "transitCountries",
  "transitBorderPost",
  "destinationCountry",
  "destinationCity",
  "identifiedAt",
  "exploitationStartedAt",
  "exploitationEndedAt",
  "closedAt",
  "closureReason",
  "summary",
] as const;

export const caseHandler = defineHandler({
  type: "Case",
  schema: caseSchema,
  find: (tx, sourceAgency, externalId) => tx.case.findUnique({ where: { sourceAgency_externalId: { sourceAgency, externalId } } }),
  async apply(env, input, existing) {
    const { tx } = env;
    await checkRegions(env, [
      [["originRegionCode"], input.originRegionCode],
      [["recruitmentRegionCode"], input.recruitmentRegionCode],
    ]);
    const wanted: { organizationId: string; purpose: string }[] = [];
    for (const [i, a] of input.assignedOrganizations.entries()) {
      const organizationId = await resolveOrganization(env, ["assignedOrganizations", i, "organization"], a.organization);
      if (!organizationId) continue;
      if (wanted.some((w) => w.organizationId === organizationId && w.purpose === a.purpose)) {
        env.errors.push({ path: ["assignedOrganizations", String(i)], code: "DUPLICATE_VALUE", message: "The same organization is assigned twice for the same purpose." });
      } else wanted.push({ organizationId, purpose: a.purpose });
    }
    rejectIfErrors(env);

    const key = (a: { organizationId: string; purpose: string }) => `${a.organizationId}|${a.purpose}`;
    const stored = existing ? await tx.caseAssignment.findMany({ where: { caseId: existing.id } }) : [];
    const wantedKeys = new Set(wanted.map(key));
    const storedKeys = new Set(stored.map(key));
    const toDelete = stored.filter((s) => !wantedKeys.has(key(s)));
    const toCreate = wanted.filter((w) => !storedKeys.has(key(w)));

    const data: Record<string, unknown> = {};
    for (const f of FIELDS) data[f] = input[f];
    const outcome = await writeRecord(env, tx.case as unknown as ProvenanceDelegate, input, existing, data, toDelete.length + toCreate.length ? ["assignedOrganizations"] : []);
    if (toDelete.length) await tx.caseAssignment.deleteMany({ where: { id: { in: toDelete.map((d) => d.id) } } });
    if (toCreate.length) await tx.caseAssignment.createMany({ data: toCreate.map((w) => ({ ...w, caseId: outcome.id, assignedAt: env.now })) });
    return outcome;
  },
});
