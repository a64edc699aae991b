// ServiceReferral: a person referred from one organization to another for a service.
import { rowScope } from "../policy/row-scope";
import { builder } from "./builder";
import { CaseType } from "./case";
import type { RequestContext } from "../request/context";
import { ReferralStatusEnum, ServiceTypeEnum } from "./enums";
import { anyOf, asc, badInput, byIdInScope, desc, optionalUuid, orderEnum, range, reads, whereOf } from "./filters";
import { scopedOne } from "./loaders";
import { OrganizationType } from "./organization";
import { PersonType } from "./person";
import { ContributionRef } from "./provenance";

const DAY_MS = 86_400_000;
const wholeDays = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));

export const ServiceReferralType = builder.prismaObject("ServiceReferral", {
  description:
    "A referral of a person (usually a victim) from one organization to another for a service: shelter, medical, psychological, legal aid, rehabilitation, reintegration, economic empowerment, repatriation (HTCDS cas_ referral fields and spl_Type). Contributed by the referring organization; the receiving organization updates the status.",
  interfaces: [ContributionRef],
  fields: (t) => ({
    id: t.exposeID("id", { nullable: false, description: "Hub identifier (UUID)." }),
    person: t.field({
      type: PersonType,
      nullable: true,
      description: "The person referred. Null when that person is outside the caller's scope.",
      select: (_args, _ctx, nested) => ({ person: nested() }),
      resolve: (r, _args, ctx) => scopedOne(ctx, "Person", r.person),
    }),
    case: t.field({
      type: CaseType,
      nullable: true,
      description: "The TPPO case the referral belongs to, if any (and visible to the caller).",
      select: (_args, _ctx, nested) => ({ case: nested() }),
      resolve: (r, _args, ctx) => scopedOne(ctx, "Case", r.case),
    }),
    fromOrganization: t.field({
      type: OrganizationType,
      nullable: true,
      description: "Referring organization (HTCDS cas_ReferringOrganisation). Null only when outside the caller's scope.",
      select: (_args, _ctx, nested) => ({ fromOrganization: nested() }),
      resolve: (r, _args, ctx) => scopedOne(ctx, "Organization", r.fromOrganization),
    }),
    toOrganization: t.field({
      type: OrganizationType,
      nullable: true,
      description: "Receiving organization (HTCDS cas_ReferredOrganisation). Null only when outside the caller's scope.",
      select: (_args, _ctx, nested) => ({ toOrganization: nested() }),
      resolve: (r, _args, ctx) => scopedOne(ctx, "Organization", r.toOrganization),
    }),
    serviceType: t.expose("serviceType", { type: ServiceTypeEnum, nullable: false, description: "Service requested." }),
    status: t.expose("status", { type: ReferralStatusEnum, nullable: false, description: "Where the referral stands." }),
    requestedAt: t.expose("requestedAt", { type: "DateTime", nullable: false, description: "When the referral was sent (HTCDS cas_OutgoingReferralDate)." }),
    acceptedAt: t.expose("acceptedAt", { type: "DateTime", nullable: true, description: "When the receiving organization accepted it." }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true, description: "When service delivery started." }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true, description: "When service delivery was completed." }),
    declinedAt: t.expose("declinedAt", { type: "DateTime", nullable: true, description: "When the receiving organization declined it." }),
    declineReason: t.exposeString("declineReason", { nullable: true, description: "Why it was declined (free text)." }),
    notes: t.exposeString("notes", {
      nullable: true,
      description: "Notes between the organizations (free text; may contain health or personal data, treat as sensitive).",
    }),
    daysWaiting: t.int({
      nullable: false,
      description:
        "Whole days the referral waited for an answer: from requestedAt to acceptedAt or declinedAt, or to now while still REQUESTED. Lets the LTSA desk and task force see where referrals stall.",
      resolve: (r) => wholeDays(r.requestedAt, r.acceptedAt ?? r.declinedAt ?? new Date()),
    }),
    daysToAccept: t.int({
      nullable: true,
      description: "Whole days from requestedAt to acceptedAt; null until accepted.",
      resolve: (r) => (r.acceptedAt ? wholeDays(r.requestedAt, r.acceptedAt) : null),
    }),
  }),
});

const ReferralFilter = builder.inputType("ServiceReferralFilter", {
  description: "Narrows the referrals list. All given fields must match (AND); list fields match any of their values (OR).",
  fields: (t) => ({
    status: t.field({ type: [ReferralStatusEnum], required: false, description: "Any of these statuses.", extensions: reads("ServiceReferral.status") }),
    serviceType: t.field({ type: [ServiceTypeEnum], required: false, description: "Any of these services.", extensions: reads("ServiceReferral.serviceType") }),
    toOrganization: t.id({ required: false, description: "Sent to this organization (hub id): its intake queue.", extensions: reads("ServiceReferral.toOrganization") }),
    fromOrganization: t.id({ required: false, description: "Sent by this organization (hub id).", extensions: reads("ServiceReferral.fromOrganization") }),
    requestedFrom: t.field({ type: "DateTime", required: false, description: "Requested at or after this instant.", extensions: reads("ServiceReferral.requestedAt") }),
    requestedTo: t.field({ type: "DateTime", required: false, description: "Requested at or before this instant.", extensions: reads("ServiceReferral.requestedAt") }),
    unansweredForDays: t.int({
      required: false,
      description: "Still REQUESTED and requested at least this many days ago (stalled referrals).",
      extensions: reads("ServiceReferral.status", "ServiceReferral.requestedAt"),
    }),
    person: t.id({ required: false, description: "Referrals of this person (hub id).", extensions: reads("ServiceReferral.person") }),
    case: t.id({ required: false, description: "Referrals linked to this case (hub id).", extensions: reads("ServiceReferral.case") }),
    sourceAgency: t.stringList({ required: false, description: "Contributed by any of these agency codes.", extensions: reads("ServiceReferral.sourceAgency") }),
  }),
});

const ReferralOrder = orderEnum("ServiceReferralOrder", "Sort order for referrals.", {
  REQUESTED_AT_DESC: { description: "Newest request first.", readsField: ["ServiceReferral.requestedAt"], orderBy: [desc("requestedAt")] },
  REQUESTED_AT_ASC: { description: "Oldest request first (longest waiting at the top of an intake queue).", readsField: ["ServiceReferral.requestedAt"], orderBy: [asc("requestedAt")] },
});

function referralWhere(ctx: RequestContext, f: typeof ReferralFilter.$inferInput | null | undefined) {
  const p = "filter";
  if (f?.unansweredForDays != null && f.unansweredForDays < 0) throw badInput(`${p}.unansweredForDays`, "must not be negative");
  const filter = whereOf(
    f
      ? [
          { status: anyOf(f.status, `${p}.status`) },
          { serviceType: anyOf(f.serviceType, `${p}.serviceType`) },
          { toOrganizationId: optionalUuid(f.toOrganization, `${p}.toOrganization`) },
          { fromOrganizationId: optionalUuid(f.fromOrganization, `${p}.fromOrganization`) },
          { requestedAt: range(f.requestedFrom, f.requestedTo, p, "requestedFrom", "requestedTo") },
          f.unansweredForDays != null
            ? { status: "REQUESTED" as const, requestedAt: { lte: new Date(Date.now() - f.unansweredForDays * DAY_MS) } }
            : {},
          { personId: optionalUuid(f.person, `${p}.person`) },
          { caseId: optionalUuid(f.case, `${p}.case`) },
          { sourceAgency: anyOf(f.sourceAgency, `${p}.sourceAgency`) },
        ]
      : [],
  );
  return { AND: [filter, rowScope(ctx, "ServiceReferral")] };
}

builder.queryFields((t) => ({
  referral: t.prismaField({
    type: "ServiceReferral",
    nullable: true,
    description: "One service referral by hub id. Null when it does not exist or is outside the caller's scope.",
    args: { id: t.arg.id({ required: true, description: "Hub identifier (UUID).", extensions: reads("ServiceReferral.id") }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.serviceReferral.findFirst({ ...query, where: byIdInScope(ctx, "ServiceReferral", args.id) }),
  }),
  referrals: t.prismaConnection(
    {
      type: "ServiceReferral",
      cursor: "id",
      nullable: false,
      edgesNullable: false,
      nodeNullable: false,
      description: "Service referrals, filtered and sorted. Relay cursor pagination; at most 100 per page.",
      args: {
        filter: t.arg({ type: ReferralFilter, required: false, description: "Optional filter." }),
        orderBy: t.arg({ type: ReferralOrder.ref, required: false, defaultValue: "REQUESTED_AT_DESC", description: "Sort order (default REQUESTED_AT_DESC)." }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.db.prisma.serviceReferral.findMany({ ...query, where: referralWhere(ctx, args.filter), orderBy: ReferralOrder.toPrisma(args.orderBy, "REQUESTED_AT_DESC") }),
      totalCount: (_conn, args, ctx) => ctx.db.prisma.serviceReferral.count({ where: referralWhere(ctx, args.filter) }),
    },
    { name: "ServiceReferralConnection", description: "A page of service referrals." },
    { name: "ServiceReferralEdge", description: "A service referral in a page." },
  ),
}));
