// EarlyWarningReport: a signal of possible trafficking before (or without) a case.
import { rowScope } from "../policy/row-scope";
import { builder } from "./builder";
import { CaseType } from "./case";
import type { RequestContext } from "../request/context";
import { WarningSourceEnum, WarningStatusEnum } from "./enums";
import { anyOf, byIdInScope, desc, optionalUuid, orderEnum, range, reads, REGION_FILTER_HELP, regionWhere, whereOf } from "./filters";
import { scopedOne } from "./loaders";
import { ContributionRef } from "./provenance";

export const EarlyWarningReportType = builder.prismaObject("EarlyWarningReport", {
  description:
    "An early warning of possible trafficking: a recruiter active in a village, a group about to leave through a jalan tikus, a suspicious job offer. Filed by LTSA desks, NGOs, agencies or relayed from the community; escalated warnings are linked to a case.",
  interfaces: [ContributionRef],
  fields: (t) => ({
    id: t.exposeID("id", { nullable: false, description: "Hub identifier (UUID)." }),
    source: t.expose("source", { type: WarningSourceEnum, nullable: false, description: "Who raised the warning." }),
    region: t.relation("region", { nullable: false, description: "Region concerned (kode wilayah, any level)." }),
    status: t.expose("status", { type: WarningStatusEnum, nullable: false, description: "Handling status." }),
    reportedAt: t.expose("reportedAt", { type: "DateTime", nullable: false, description: "When the warning was reported." }),
    description: t.exposeString("description", {
      // Null when withheld: free text carrying identity (policy carriers, victim protections).
      nullable: true,
      description: "What was observed (free text; can contain names and places, treat as sensitive). Null when withheld from the caller.",
    }),
    suspectedRecruiter: t.exposeString("suspectedRecruiter", {
      nullable: true,
      description: "Name or alias of the suspected recruiter, as reported (unverified). Personal data.",
    }),
    case: t.field({
      type: CaseType,
      nullable: true,
      description: "The case opened from this warning, if escalated (and visible to the caller).",
      select: (_args, _ctx, nested) => ({ case: nested() }),
      resolve: (w, _args, ctx) => scopedOne(ctx, "Case", w.case),
    }),
  }),
});

const WarningFilter = builder.inputType("EarlyWarningReportFilter", {
  description: "Narrows the early-warning list. All given fields must match (AND); list fields match any of their values (OR).",
  fields: (t) => ({
    status: t.field({ type: [WarningStatusEnum], required: false, description: "Any of these statuses.", extensions: reads("EarlyWarningReport.status") }),
    source: t.field({ type: [WarningSourceEnum], required: false, description: "Any of these sources.", extensions: reads("EarlyWarningReport.source") }),
    region: t.string({ required: false, description: REGION_FILTER_HELP, extensions: reads("EarlyWarningReport.region") }),
    reportedFrom: t.field({ type: "DateTime", required: false, description: "Reported at or after this instant.", extensions: reads("EarlyWarningReport.reportedAt") }),
    reportedTo: t.field({ type: "DateTime", required: false, description: "Reported at or before this instant.", extensions: reads("EarlyWarningReport.reportedAt") }),
    hasCase: t.boolean({ required: false, description: "Only warnings linked to a case (true) or not (false).", extensions: reads("EarlyWarningReport.case") }),
    case: t.id({ required: false, description: "Warnings linked to this case (hub id).", extensions: reads("EarlyWarningReport.case") }),
    sourceAgency: t.stringList({ required: false, description: "Contributed by any of these agency codes.", extensions: reads("EarlyWarningReport.sourceAgency") }),
  }),
});

const WarningOrder = orderEnum("EarlyWarningReportOrder", "Sort order for early warnings.", {
  REPORTED_AT_DESC: { description: "Newest first.", readsField: ["EarlyWarningReport.reportedAt"], orderBy: [desc("reportedAt")] },
  UPDATED_AT_DESC: { description: "Most recently changed first.", readsField: ["EarlyWarningReport.updatedAt"], orderBy: [desc("updatedAt")] },
});

function warningWhere(ctx: RequestContext, f: typeof WarningFilter.$inferInput | null | undefined) {
  const p = "filter";
  const filter = whereOf(
    f
      ? [
          { status: anyOf(f.status, `${p}.status`) },
          { source: anyOf(f.source, `${p}.source`) },
          f.region ? regionWhere("regionCode", f.region, `${p}.region`) : {},
          { reportedAt: range(f.reportedFrom, f.reportedTo, p, "reportedFrom", "reportedTo") },
          { caseId: f.hasCase == null ? undefined : f.hasCase ? { not: null } : null },
          { caseId: optionalUuid(f.case, `${p}.case`) },
          { sourceAgency: anyOf(f.sourceAgency, `${p}.sourceAgency`) },
        ]
      : [],
  );
  return { AND: [filter, rowScope(ctx, "EarlyWarningReport")] };
}

builder.queryFields((t) => ({
  earlyWarningReport: t.prismaField({
    type: "EarlyWarningReport",
    nullable: true,
    description: "One early-warning report by hub id. Null when it does not exist or is outside the caller's scope.",
    args: { id: t.arg.id({ required: true, description: "Hub identifier (UUID).", extensions: reads("EarlyWarningReport.id") }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.earlyWarningReport.findFirst({
        ...query,
        where: byIdInScope(ctx, "EarlyWarningReport", args.id),
      }),
  }),
  earlyWarningReports: t.prismaConnection(
    {
      type: "EarlyWarningReport",
      cursor: "id",
      nullable: false,
      edgesNullable: false,
      nodeNullable: false,
      description: "Early-warning reports, filtered and sorted. Relay cursor pagination; at most 100 per page.",
      args: {
        filter: t.arg({ type: WarningFilter, required: false, description: "Optional filter." }),
        orderBy: t.arg({ type: WarningOrder.ref, required: false, defaultValue: "REPORTED_AT_DESC", description: "Sort order (default REPORTED_AT_DESC)." }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.db.prisma.earlyWarningReport.findMany({
          ...query,
          where: warningWhere(ctx, args.filter),
          orderBy: WarningOrder.toPrisma(args.orderBy, "REPORTED_AT_DESC"),
        }),
      totalCount: (_conn, args, ctx) => ctx.db.prisma.earlyWarningReport.count({ where: warningWhere(ctx, args.filter) }),
    },
    { name: "EarlyWarningReportConnection", description: "A page of early-warning reports." },
    { name: "EarlyWarningReportEdge", description: "An early-warning report in a page." },
  ),
}));
