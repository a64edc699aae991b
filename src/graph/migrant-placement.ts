// MigrantPlacement: a migrant worker's placement abroad, as BP3MI (SISKOP2MI) knows it.
import { rowScope } from "../policy/row-scope";
import { builder } from "./builder";
import { CaseType } from "./case";
import type { RequestContext } from "../request/context";
import { IndustryEnum } from "./enums";
import { anyOf, byIdInScope, countries, desc, nonEmpty, optionalUuid, orderEnum, range, reads, uuid, whereOf } from "./filters";
import { scopedOne } from "./loaders";
import { OrganizationType } from "./organization";
import { PersonType } from "./person";
import { ContributionRef } from "./provenance";

export const MigrantPlacementType = builder.prismaObject("MigrantPlacement", {
  description:
    "A migrant worker placement abroad (Pekerja Migran Indonesia), procedural (through a licensed P3MI with an ID PMI) or not. Contributed by BP3MI from SISKOP2MI, or by police/Imigrasi for non-procedural departures found in a case.",
  interfaces: [ContributionRef],
  fields: (t) => ({
    id: t.exposeID("id", { nullable: false, description: "Hub identifier (UUID)." }),
    worker: t.field({
      type: PersonType,
      nullable: true,
      description: "The migrant worker. Null when that person is outside the caller's scope.",
      select: (_args, _ctx, nested) => ({ worker: nested() }),
      resolve: (m, _args, ctx) => scopedOne(ctx, "Person", m.worker),
    }),
    case: t.field({
      type: CaseType,
      nullable: true,
      description: "The TPPO case this placement is part of, if any (and visible to the caller).",
      select: (_args, _ctx, nested) => ({ case: nested() }),
      resolve: (m, _args, ctx) => scopedOne(ctx, "Case", m.case),
    }),
    p3mi: t.field({
      type: OrganizationType,
      nullable: true,
      description: "The P3MI placement company; null for non-procedural placements without one.",
      select: (_args, _ctx, nested) => ({ p3mi: nested() }),
      resolve: (m, _args, ctx) => scopedOne(ctx, "Organization", m.p3mi),
    }),
    employer: t.field({
      type: OrganizationType,
      nullable: true,
      description: "The employer abroad, when known.",
      select: (_args, _ctx, nested) => ({ employer: nested() }),
      resolve: (m, _args, ctx) => scopedOne(ctx, "Organization", m.employer),
    }),
    destinationCountry: t.exposeString("destinationCountry", { nullable: false, description: "Country of placement, ISO 3166-1 alpha-2." }),
    destinationCity: t.exposeString("destinationCity", { nullable: true, description: "City or area of placement (free text)." }),
    jobTitle: t.exposeString("jobTitle", { nullable: true, description: "Job as stated in the placement contract (free text)." }),
    industry: t.expose("industry", { type: IndustryEnum, nullable: true, description: "Industry, ISIC Rev.4 section." }),
    procedural: t.exposeBoolean("procedural", {
      nullable: false,
      description: "true when placed through the official procedure (licensed P3MI, ID PMI, UU 18/2017); false for non-procedural (unofficial) departures.",
    }),
    idPmi: t.exposeString("idPmi", { nullable: true, description: "Migrant worker id issued by BP2MI (ID PMI), for procedural placements." }),
    departureDate: t.expose("departureDate", { type: "Date", nullable: true, description: "Date the worker left Indonesia." }),
    returnDate: t.expose("returnDate", { type: "Date", nullable: true, description: "Date the worker came back, if they have." }),
  }),
});

const PlacementFilter = builder.inputType("MigrantPlacementFilter", {
  description: "Narrows the placements list. All given fields must match (AND); list fields match any of their values (OR).",
  fields: (t) => ({
    procedural: t.boolean({ required: false, description: "Only procedural (true) or only non-procedural (false) placements.", extensions: reads("MigrantPlacement.procedural") }),
    p3mi: t.id({ required: false, description: "Placed by this P3MI company (hub id).", extensions: reads("MigrantPlacement.p3mi") }),
    employer: t.id({ required: false, description: "With this employer (hub id).", extensions: reads("MigrantPlacement.employer") }),
    destinationCountry: t.stringList({
      required: false,
      description: "Placed in any of these countries (ISO 3166-1 alpha-2).",
      extensions: reads("MigrantPlacement.destinationCountry"),
    }),
    industry: t.field({ type: [IndustryEnum], required: false, description: "In any of these industries.", extensions: reads("MigrantPlacement.industry") }),
    departedFrom: t.field({ type: "Date", required: false, description: "Departed on or after this date.", extensions: reads("MigrantPlacement.departureDate") }),
    departedTo: t.field({ type: "Date", required: false, description: "Departed on or before this date.", extensions: reads("MigrantPlacement.departureDate") }),
    worker: t.id({ required: false, description: "Placements of this person (hub id).", extensions: reads("MigrantPlacement.worker") }),
    case: t.id({ required: false, description: "Placements linked to this case (hub id).", extensions: reads("MigrantPlacement.case") }),
    hasCase: t.boolean({ required: false, description: "Only placements linked to a case (true) or not (false).", extensions: reads("MigrantPlacement.case") }),
    sourceAgency: t.stringList({ required: false, description: "Contributed by any of these agency codes.", extensions: reads("MigrantPlacement.sourceAgency") }),
  }),
});

const PlacementOrder = orderEnum("MigrantPlacementOrder", "Sort order for placements.", {
  DEPARTURE_DATE_DESC: { description: "Latest departure first, undated last.", readsField: ["MigrantPlacement.departureDate"], orderBy: [desc("departureDate", true)] },
  CONTRIBUTED_AT_DESC: { description: "Most recently contributed first.", readsField: ["MigrantPlacement.contributedAt"], orderBy: [desc("contributedAt")] },
});

function placementWhere(ctx: RequestContext, f: typeof PlacementFilter.$inferInput | null | undefined) {
  const p = "filter";
  const filter = whereOf(
    f
      ? [
          { procedural: f.procedural ?? undefined },
          { p3miId: f.p3mi != null ? uuid(String(f.p3mi), `${p}.p3mi`) : undefined },
          { employerId: optionalUuid(f.employer, `${p}.employer`) },
          {
            destinationCountry: f.destinationCountry
              ? { in: countries(nonEmpty(f.destinationCountry, `${p}.destinationCountry`), `${p}.destinationCountry`) }
              : undefined,
          },
          { industry: anyOf(f.industry, `${p}.industry`) },
          { departureDate: range(f.departedFrom, f.departedTo, p, "departedFrom", "departedTo") },
          { workerId: optionalUuid(f.worker, `${p}.worker`) },
          { caseId: optionalUuid(f.case, `${p}.case`) },
          { caseId: f.hasCase == null ? undefined : f.hasCase ? { not: null } : null },
          { sourceAgency: anyOf(f.sourceAgency, `${p}.sourceAgency`) },
        ]
      : [],
  );
  return { AND: [filter, rowScope(ctx, "MigrantPlacement")] };
}

builder.queryFields((t) => ({
  placement: t.prismaField({
    type: "MigrantPlacement",
    nullable: true,
    description: "One placement by hub id. Null when it does not exist or is outside the caller's scope.",
    args: { id: t.arg.id({ required: true, description: "Hub identifier (UUID).", extensions: reads("MigrantPlacement.id") }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.migrantPlacement.findFirst({ ...query, where: byIdInScope(ctx, "MigrantPlacement", args.id) }),
  }),
  placements: t.prismaConnection(
    {
      type: "MigrantPlacement",
      cursor: "id",
      nullable: false,
      edgesNullable: false,
      nodeNullable: false,
      description: "Migrant worker placements, filtered and sorted. Relay cursor pagination; at most 100 per page.",
      args: {
        filter: t.arg({ type: PlacementFilter, required: false, description: "Optional filter." }),
        orderBy: t.arg({ type: PlacementOrder.ref, required: false, defaultValue: "DEPARTURE_DATE_DESC", description: "Sort order (default DEPARTURE_DATE_DESC)." }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.db.prisma.migrantPlacement.findMany({
          ...query,
          where: placementWhere(ctx, args.filter),
          orderBy: PlacementOrder.toPrisma(args.orderBy, "DEPARTURE_DATE_DESC"),
        }),
      totalCount: (_conn, args, ctx) => ctx.db.prisma.migrantPlacement.count({ where: placementWhere(ctx, args.filter) }),
    },
    { name: "MigrantPlacementConnection", description: "A page of placements." },
    { name: "MigrantPlacementEdge", description: "A placement in a page." },
  ),
}));
