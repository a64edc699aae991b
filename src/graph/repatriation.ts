// Repatriation: a person's return from abroad and who received them.
import { rowScope } from "../policy/row-scope";
import { builder } from "./builder";
import { CaseType } from "./case";
import type { RequestContext } from "../request/context";
import { BorderPostEnum } from "./enums";
import { anyOf, byIdInScope, countries, desc, nonEmpty, optionalUuid, orderEnum, range, reads, whereOf } from "./filters";
import { scopedOne } from "./loaders";
import { OrganizationType } from "./organization";
import { PersonType } from "./person";
import { ContributionRef } from "./provenance";

export const RepatriationType = builder.prismaObject("Repatriation", {
  description:
    "The return of a person from abroad (deportation, rescue or assisted return) and the organization that received them. Contributed by BP3MI, Dinas Sosial or the receiving shelter.",
  interfaces: [ContributionRef],
  fields: (t) => ({
    id: t.exposeID("id", { nullable: false, description: "Hub identifier (UUID)." }),
    person: t.field({
      type: PersonType,
      nullable: true,
      description: "The returnee. Null when that person is outside the caller's scope.",
      select: (_args, _ctx, nested) => ({ person: nested() }),
      resolve: (r, _args, ctx) => scopedOne(ctx, "Person", r.person),
    }),
    case: t.field({
      type: CaseType,
      nullable: true,
      description: "The TPPO case this return is part of, if any (and visible to the caller).",
      select: (_args, _ctx, nested) => ({ case: nested() }),
      resolve: (r, _args, ctx) => scopedOne(ctx, "Case", r.case),
    }),
    fromCountry: t.exposeString("fromCountry", { nullable: false, description: "Country returned from, ISO 3166-1 alpha-2." }),
    arrivalPoint: t.expose("arrivalPoint", { type: BorderPostEnum, nullable: false, description: "Where the person arrived in Indonesia." }),
    arrivedAt: t.expose("arrivedAt", { type: "Date", nullable: false, description: "Date of arrival in Indonesia." }),
    receivingOrganization: t.field({
      type: OrganizationType,
      nullable: true,
      description: "Organization that received the returnee (shelter, Dinas Sosial, UPTD PPA), when known and visible.",
      select: (_args, _ctx, nested) => ({ receivingOrganization: nested() }),
      resolve: (r, _args, ctx) => scopedOne(ctx, "Organization", r.receivingOrganization),
    }),
  }),
});

const RepatriationFilter = builder.inputType("RepatriationFilter", {
  description: "Narrows the repatriations list. All given fields must match (AND); list fields match any of their values (OR).",
  fields: (t) => ({
    fromCountry: t.stringList({ required: false, description: "Returned from any of these countries (ISO 3166-1 alpha-2).", extensions: reads("Repatriation.fromCountry") }),
    arrivalPoint: t.field({ type: [BorderPostEnum], required: false, description: "Arrived at any of these points.", extensions: reads("Repatriation.arrivalPoint") }),
    arrivedFrom: t.field({ type: "Date", required: false, description: "Arrived on or after this date.", extensions: reads("Repatriation.arrivedAt") }),
    arrivedTo: t.field({ type: "Date", required: false, description: "Arrived on or before this date.", extensions: reads("Repatriation.arrivedAt") }),
    receivingOrganization: t.id({
      required: false,
      description: "Received by this organization (hub id).",
      extensions: reads("Repatriation.receivingOrganization"),
    }),
    person: t.id({ required: false, description: "Returns of this person (hub id).", extensions: reads("Repatriation.person") }),
    case: t.id({ required: false, description: "Returns linked to this case (hub id).", extensions: reads("Repatriation.case") }),
    sourceAgency: t.stringList({ required: false, description: "Contributed by any of these agency codes.", extensions: reads("Repatriation.sourceAgency") }),
  }),
});

const RepatriationOrder = orderEnum("RepatriationOrder", "Sort order for repatriations.", {
  ARRIVED_AT_DESC: { description: "Latest arrival first.", readsField: ["Repatriation.arrivedAt"], orderBy: [desc("arrivedAt")] },
  CONTRIBUTED_AT_DESC: { description: "Most recently contributed first.", readsField: ["Repatriation.contributedAt"], orderBy: [desc("contributedAt")] },
});

function repatriationWhere(ctx: RequestContext, f: typeof RepatriationFilter.$inferInput | null | undefined) {
  const p = "filter";
  const filter = whereOf(
    f
      ? [
          { fromCountry: f.fromCountry ? { in: countries(nonEmpty(f.fromCountry, `${p}.fromCountry`), `${p}.fromCountry`) } : undefined },
          { arrivalPoint: anyOf(f.arrivalPoint, `${p}.arrivalPoint`) },
          { arrivedAt: range(f.arrivedFrom, f.arrivedTo, p, "arrivedFrom", "arrivedTo") },
          {
            receivingOrganizationId:
              optionalUuid(f.receivingOrganization, `${p}.receivingOrganization`),
          },
          { personId: optionalUuid(f.person, `${p}.person`) },
          { caseId: optionalUuid(f.case, `${p}.case`) },
          { sourceAgency: anyOf(f.sourceAgency, `${p}.sourceAgency`) },
        ]
      : [],
  );
  return { AND: [filter, rowScope(ctx, "Repatriation")] };
}

builder.queryFields((t) => ({
  repatriation: t.prismaField({
    type: "Repatriation",
    nullable: true,
    description: "One repatriation by hub id. Null when it does not exist or is outside the caller's scope.",
    args: { id: t.arg.id({ required: true, description: "Hub identifier (UUID).", extensions: reads("Repatriation.id") }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.repatriation.findFirst({ ...query, where: byIdInScope(ctx, "Repatriation", args.id) }),
  }),
  repatriations: t.prismaConnection(
    {
      type: "Repatriation",
      cursor: "id",
      nullable: false,
      edgesNullable: false,
      nodeNullable: false,
      description: "Repatriations, filtered and sorted. Relay cursor pagination; at most 100 per page.",
      args: {
        filter: t.arg({ type: RepatriationFilter, required: false, description: "Optional filter." }),
        orderBy: t.arg({ type: RepatriationOrder.ref, required: false, defaultValue: "ARRIVED_AT_DESC", description: "Sort order (default ARRIVED_AT_DESC)." }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.db.prisma.repatriation.findMany({
          ...query,
          where: repatriationWhere(ctx, args.filter),
          orderBy: RepatriationOrder.toPrisma(args.orderBy, "ARRIVED_AT_DESC"),
        }),
      totalCount: (_conn, args, ctx) => ctx.db.prisma.repatriation.count({ where: repatriationWhere(ctx, args.filter) }),
    },
    { name: "RepatriationConnection", description: "A page of repatriations." },
    { name: "RepatriationEdge", description: "A repatriation in a page." },
  ),
}));
