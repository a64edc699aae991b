// BorderCrossing: an exit or entry recorded by Imigrasi (SIMKIM) or found during a case.
import { rowScope } from "../policy/row-scope";
import { builder } from "./builder";
import { CaseType } from "./case";
import type { RequestContext } from "../request/context";
import { BorderPostEnum, CrossingDirectionEnum, IdentityDocumentTypeEnum } from "./enums";
import { anyOf, asc, byIdInScope, countries, desc, nonEmpty, optionalUuid, orderEnum, range, reads, whereOf } from "./filters";
import { scopedOne } from "./loaders";
import { PersonType } from "./person";
import { ContributionRef } from "./provenance";

export const BorderCrossingType = builder.prismaObject("BorderCrossing", {
  description:
    "A person leaving or entering Indonesia at a border post, airport, seaport or informal path (jalan tikus). Contributed by Imigrasi (SIMKIM), or by police/BP3MI when a crossing is reconstructed in a case. Deportations from Malaysia through Entikong are recorded as ENTRY with deportation = true.",
  interfaces: [ContributionRef],
  fields: (t) => ({
    id: t.exposeID("id", { nullable: false, description: "Hub identifier (UUID)." }),
    person: t.field({
      type: PersonType,
      nullable: true,
      description: "The person crossing. Null when that person is outside the caller's scope.",
      select: (_args, _ctx, nested) => ({ person: nested() }),
      resolve: (c, _args, ctx) => scopedOne(ctx, "Person", c.person),
    }),
    case: t.field({
      type: CaseType,
      nullable: true,
      description: "The TPPO case this crossing is part of, if any (and visible to the caller).",
      select: (_args, _ctx, nested) => ({ case: nested() }),
      resolve: (c, _args, ctx) => scopedOne(ctx, "Case", c.case),
    }),
    direction: t.expose("direction", { type: CrossingDirectionEnum, nullable: false, description: "EXIT from or ENTRY into Indonesia." }),
    post: t.expose("post", { type: BorderPostEnum, nullable: false, description: "Where the crossing happened." }),
    postName: t.exposeString("postName", { nullable: true, description: "Place name when post is INFORMAL_PATH or OTHER (free text)." }),
    documentType: t.expose("documentType", { type: IdentityDocumentTypeEnum, nullable: true, description: "Document shown at the crossing (passport, PLB, SPLP)." }),
    documentNumber: t.exposeString("documentNumber", { nullable: true, description: "Number of the document shown, normalized like IdentityDocument.number." }),
    counterpartCountry: t.exposeString("counterpartCountry", {
      nullable: true,
      description: "Country departed to (EXIT) or arrived from (ENTRY), ISO 3166-1 alpha-2.",
    }),
    crossedAt: t.expose("crossedAt", { type: "DateTime", nullable: false, description: "When the crossing happened (UTC)." }),
    deportation: t.exposeBoolean("deportation", { nullable: false, description: "true when the person was deported into Indonesia (e.g. from Sarawak via PLBN Entikong)." }),
  }),
});

const CrossingFilter = builder.inputType("BorderCrossingFilter", {
  description: "Narrows the border crossings list. All given fields must match (AND); list fields match any of their values (OR).",
  fields: (t) => ({
    post: t.field({ type: [BorderPostEnum], required: false, description: "At any of these posts.", extensions: reads("BorderCrossing.post") }),
    direction: t.field({ type: CrossingDirectionEnum, required: false, description: "Only exits or only entries.", extensions: reads("BorderCrossing.direction") }),
    crossedFrom: t.field({ type: "DateTime", required: false, description: "Crossed at or after this instant.", extensions: reads("BorderCrossing.crossedAt") }),
    crossedTo: t.field({ type: "DateTime", required: false, description: "Crossed at or before this instant.", extensions: reads("BorderCrossing.crossedAt") }),
    deportation: t.boolean({ required: false, description: "Only deportations (true) or only other crossings (false).", extensions: reads("BorderCrossing.deportation") }),
    counterpartCountry: t.stringList({
      required: false,
      description: "To/from any of these countries (ISO 3166-1 alpha-2).",
      extensions: reads("BorderCrossing.counterpartCountry"),
    }),
    person: t.id({ required: false, description: "Crossings of this person (hub id).", extensions: reads("BorderCrossing.person") }),
    case: t.id({ required: false, description: "Crossings linked to this case (hub id).", extensions: reads("BorderCrossing.case") }),
    sourceAgency: t.stringList({ required: false, description: "Contributed by any of these agency codes.", extensions: reads("BorderCrossing.sourceAgency") }),
  }),
});

const CrossingOrder = orderEnum("BorderCrossingOrder", "Sort order for border crossings.", {
  CROSSED_AT_DESC: { description: "Latest first.", readsField: ["BorderCrossing.crossedAt"], orderBy: [desc("crossedAt")] },
  CROSSED_AT_ASC: { description: "Earliest first.", readsField: ["BorderCrossing.crossedAt"], orderBy: [asc("crossedAt")] },
});

function crossingWhere(ctx: RequestContext, f: typeof CrossingFilter.$inferInput | null | undefined) {
  const p = "filter";
  const filter = whereOf(
    f
      ? [
          { post: anyOf(f.post, `${p}.post`) },
          { direction: f.direction ?? undefined },
          { crossedAt: range(f.crossedFrom, f.crossedTo, p, "crossedFrom", "crossedTo") },
          { deportation: f.deportation ?? undefined },
          {
            counterpartCountry: f.counterpartCountry
              ? { in: countries(nonEmpty(f.counterpartCountry, `${p}.counterpartCountry`), `${p}.counterpartCountry`) }
              : undefined,
          },
          { personId: optionalUuid(f.person, `${p}.person`) },
          { caseId: optionalUuid(f.case, `${p}.case`) },
          { sourceAgency: anyOf(f.sourceAgency, `${p}.sourceAgency`) },
        ]
      : [],
  );
  return { AND: [filter, rowScope(ctx, "BorderCrossing")] };
}

builder.queryFields((t) => ({
  borderCrossing: t.prismaField({
    type: "BorderCrossing",
    nullable: true,
    description: "One border crossing by hub id. Null when it does not exist or is outside the caller's scope.",
    args: { id: t.arg.id({ required: true, description: "Hub identifier (UUID).", extensions: reads("BorderCrossing.id") }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.borderCrossing.findFirst({ ...query, where: byIdInScope(ctx, "BorderCrossing", args.id) }),
  }),
  borderCrossings: t.prismaConnection(
    {
      type: "BorderCrossing",
      cursor: "id",
      nullable: false,
      edgesNullable: false,
      nodeNullable: false,
      description: "Border crossings, filtered and sorted. Relay cursor pagination; at most 100 per page.",
      args: {
        filter: t.arg({ type: CrossingFilter, required: false, description: "Optional filter." }),
        orderBy: t.arg({ type: CrossingOrder.ref, required: false, defaultValue: "CROSSED_AT_DESC", description: "Sort order (default CROSSED_AT_DESC)." }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.db.prisma.borderCrossing.findMany({ ...query, where: crossingWhere(ctx, args.filter), orderBy: CrossingOrder.toPrisma(args.orderBy, "CROSSED_AT_DESC") }),
      totalCount: (_conn, args, ctx) => ctx.db.prisma.borderCrossing.count({ where: crossingWhere(ctx, args.filter) }),
    },
    { name: "BorderCrossingConnection", description: "A page of border crossings." },
    { name: "BorderCrossingEdge", description: "A border crossing in a page." },
  ),
}));
