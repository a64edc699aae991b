// Service referrals (Dinas Sosial / SIKS-NG, DP3A / SIMFONI-PPA, health, legal aid): a person
// referred from one organization to another for a service, with the referral's life cycle.
//
// Life cycle: REQUESTED -> ACCEPTED -> IN_PROGRESS -> COMPLETED, or DECLINED before completion.
// Each status needs the timestamps of the steps it implies, and none of the later ones; a stored
// referral can move forward only (a completed or declined referral is final).
import { z } from "zod";
import { ReferralStatus, ServiceType } from "../../generated/prisma/enums.ts";
import { defineHandler } from "../handler";
import { resolveCase, resolveOrganization, resolvePerson } from "../references";
import { opensScope } from "../links";
import { fieldError } from "../result";
import { checkNotFuture, checkOrder, instant, issue, opt, optText, personRef, provenance, recordRef } from "../schema-kit";
import { rejectIfErrors, writeRecord, type ProvenanceDelegate } from "../store";

type Status = keyof typeof ReferralStatus;
type Stamp = "acceptedAt" | "startedAt" | "completedAt" | "declinedAt";

/** Timestamps each status requires, and those it must not have. */
const STAMPS: Record<Status, { needs: Stamp[]; forbids: Stamp[] }> = {
  REQUESTED: { needs: [], forbids: ["acceptedAt", "startedAt", "completedAt", "declinedAt"] },
  ACCEPTED: { needs: ["acceptedAt"], forbids: ["startedAt", "completedAt", "declinedAt"] },
  IN_PROGRESS: { needs: ["acceptedAt", "startedAt"], forbids: ["completedAt", "declinedAt"] },
  COMPLETED: { needs: ["acceptedAt", "startedAt", "completedAt"], forbids: ["declinedAt"] },
  DECLINED: { needs: ["declinedAt"], forbids: ["completedAt"] },
};

/** Allowed moves from the stored status (staying put is always allowed). */
export const REFERRAL_TRANSITIONS: Record<Status, readonly Status[]> = {
  REQUESTED: ["ACCEPTED", "IN_PROGRESS", "COMPLETED", "DECLINED"],
  ACCEPTED: ["IN_PROGRESS", "COMPLETED", "DECLINED"],
  IN_PROGRESS: ["COMPLETED", "DECLINED"],
  COMPLETED: [],
  DECLINED: [],
};

export const serviceReferralSchema = z
  .object({
    ...provenance,
    person: personRef,
    case: opt(recordRef),
    /**
     * Who refers: the caller's own agency (Organization.code = token agency, the default) or an
     * organization the caller's agency contributed itself (one of its own units). Never another
     * agency: who did something comes from the verified token (issue 8, class 2).
     */
    fromOrganization: opt(recordRef),
    toOrganization: recordRef,
    serviceType: z.enum(ServiceType),
    status: opt(z.enum(ReferralStatus)).transform((s) => s ?? "REQUESTED"),
    requestedAt: instant,
    acceptedAt: opt(instant),
    startedAt: opt(instant),
    completedAt: opt(instant),
    declinedAt: opt(instant),
    declineReason: optText(1000),
    notes: optText(5000),
  })
  .strict()
  .superRefine((r, ctx) => {
    checkNotFuture(ctx, new Date(), [
      [["requestedAt"], r.requestedAt, "instant"],
      [["acceptedAt"], r.acceptedAt, "instant"],
      [["startedAt"], r.startedAt, "instant"],
      [["completedAt"], r.completedAt, "instant"],
      [["declinedAt"], r.declinedAt, "instant"],
    ]);
    checkOrder(ctx, [
      ["requestedAt", r.requestedAt],
      ["acceptedAt", r.acceptedAt],
      ["startedAt", r.startedAt],
      ["completedAt", r.completedAt],
    ]);
    checkOrder(ctx, [
      ["requestedAt", r.requestedAt],
      ["declinedAt", r.declinedAt],
    ]);
    const rule = STAMPS[r.status];
    for (const s of rule.needs) if (!r[s]) issue(ctx, [s], "REQUIRED", `A referral with status ${r.status} needs ${s}.`);
    for (const s of rule.forbids) if (r[s]) issue(ctx, [s], "INCONSISTENT", `A referral with status ${r.status} cannot have ${s}.`);
    if (r.declineReason && r.status !== "DECLINED") issue(ctx, ["declineReason"], "NOT_APPLICABLE", "declineReason applies to DECLINED referrals.");
  });

export const serviceReferralHandler = defineHandler({
  type: "ServiceReferral",
  schema: serviceReferralSchema,
  find: (tx, sourceAgency, externalId) => tx.serviceReferral.findUnique({ where: { sourceAgency_externalId: { sourceAgency, externalId } } }),
  async apply(env, input, existing) {
    const stored = existing?.status as Status | undefined;
    if (stored && stored !== input.status && !REFERRAL_TRANSITIONS[stored].includes(input.status)) {
      env.errors.push(fieldError(["status"], "INVALID_TRANSITION", `Your referral is ${stored}; it cannot become ${input.status}.`));
    }
    const personId = await resolvePerson(env, ["person"], input.person);
    const caseId = await resolveCase(env, ["case"], input.case);
    let fromOrganizationId: string | null;
    if (input.fromOrganization) {
      fromOrganizationId = await resolveOrganization(env, ["fromOrganization"], input.fromOrganization);
      if (fromOrganizationId) {
        const own = await env.tx.organization.count({
          where: { id: fromOrganizationId, OR: [{ code: env.contributor.agency }, { sourceAgency: env.contributor.agency }] },
        });
        if (own === 0) {
          env.errors.push(
            fieldError(["fromOrganization"], "NOT_PERMITTED", `A referral is sent by your own agency (${env.contributor.agency}) or one of the organizations it contributed; leave fromOrganization out to use your agency.`),
          );
        }
      }
    } else {
      const own = await env.tx.organization.findUnique({ where: { code: env.contributor.agency }, select: { id: true } });
      fromOrganizationId = own?.id ?? null;
      if (!own) env.errors.push(fieldError(["fromOrganization"], "REQUIRED", `Your agency (${env.contributor.agency}) has no organization record yet; contribute it with your agency code, or give fromOrganization.`));
    }
    const toOrganizationId = await resolveOrganization(env, ["toOrganization"], input.toOrganization);
    rejectIfErrors(env);
    return writeRecord(env, env.tx.serviceReferral as unknown as ProvenanceDelegate, input, existing, {
      personId,
      caseId,
      opensScope: await opensScope(env, { personId, caseId }, existing),
      fromOrganizationId,
      toOrganizationId,
      serviceType: input.serviceType,
      status: input.status,
      requestedAt: input.requestedAt,
      acceptedAt: input.acceptedAt,
      startedAt: input.startedAt,
      completedAt: input.completedAt,
      declinedAt: input.declinedAt,
      declineReason: input.declineReason,
      notes: input.notes,
    });
  },
});
