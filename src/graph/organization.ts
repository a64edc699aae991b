// Organization: agencies in the hub, P3MI placement companies, employers, NGOs, shelters.
import { rowScope } from "../policy/row-scope";
import { builder } from "./builder";
import type { RequestContext } from "../request/context";
import { AgencyTypeEnum, LicenceStatusEnum, OrganizationKindEnum } from "./enums";
import { anyOf, asc, badInput, countries, desc, nonEmpty, orderEnum, reads, REGION_FILTER_HELP, regionWhere, uuid, whereOf } from "./filters";
import { ContributionRef } from "./provenance";

export const OrganizationType = builder.prismaObject("Organization", {
  description:
    "An organization: a government agency taking part in the hub (its code is the sourceAgency of what it contributes), a P3MI placement company with its SIP3MI licence, a foreign employer, an NGO, a shelter or a health service. HTCDS org_. Contributed by agencies (BP3MI contributes P3MI companies and employers).",
  interfaces: [ContributionRef],
  fields: (t) => ({
    id: t.exposeID("id", { nullable: false, description: "Hub identifier (UUID)." }),
    code: t.exposeString("code", {
      nullable: true,
      description: "Agency code used in tokens and as sourceAgency (e.g. POLDA-KALBAR, BP3MI-KALBAR). Null for organizations that are not hub members (P3MI companies, employers).",
    }),
    name: t.exposeString("name", { nullable: false, description: "Official name (HTCDS org_Name)." }),
    kind: t.expose("kind", { type: OrganizationKindEnum, nullable: false, description: "What kind of organization this is (HTCDS org_Type, local values)." }),
    agencyType: t.expose("agencyType", {
      type: AgencyTypeEnum,
      nullable: true,
      description: "For government agencies (kind AGENCY): their function. Decides precedence when agencies disagree about a person.",
    }),
    region: t.relation("region", { nullable: true, description: "Region (kode wilayah) where the organization sits; null for organizations abroad." }),
    country: t.exposeString("country", { nullable: false, description: "Country, ISO 3166-1 alpha-2 (ID for Indonesian organizations, MY for a Malaysian employer)." }),
    licenceNumber: t.exposeString("licenceNumber", {
      nullable: true,
      description: "For P3MI companies: SIP3MI licence number (Surat Izin Perusahaan Penempatan Pekerja Migran Indonesia, issued via OSS).",
    }),
    licenceStatus: t.expose("licenceStatus", {
      type: LicenceStatusEnum,
      nullable: true,
      description: "For P3MI companies: current licence status. A placement by a company without an ACTIVE licence is non-procedural.",
    }),
    placementsAsP3mi: t.relatedConnection(
      "placementsAsP3mi",
      {
        cursor: "id",
        totalCount: true,
        nullable: false,
        edgesNullable: false,
        nodeNullable: false,
        description: "Placements this P3MI company arranged, newest departure first.",
        query: (_args, ctx) => ({ where: rowScope(ctx, "MigrantPlacement"), orderBy: [{ departureDate: { sort: "desc", nulls: "last" } }, { id: "asc" }] }),
      },
      { name: "OrganizationPlacementConnection" },
      { name: "OrganizationPlacementEdge" },
    ),
    placementsAsEmployer: t.relatedConnection(
      "placementsAsEmployer",
      {
        cursor: "id",
        totalCount: true,
        nullable: false,
        edgesNullable: false,
        nodeNullable: false,
        description: "Placements where this organization is the employer abroad, newest departure first.",
        query: (_args, ctx) => ({ where: rowScope(ctx, "MigrantPlacement"), orderBy: [{ departureDate: { sort: "desc", nulls: "last" } }, { id: "asc" }] }),
      },
      { name: "OrganizationEmployerPlacementConnection" },
      { name: "OrganizationEmployerPlacementEdge" },
    ),
    referralsTo: t.relatedConnection(
      "referralsTo",
      {
        cursor: "id",
        totalCount: true,
        nullable: false,
        edgesNullable: false,
        nodeNullable: false,
        description: "Service referrals sent TO this organization (its intake queue), oldest request first.",
        query: (_args, ctx) => ({ where: rowScope(ctx, "ServiceReferral"), orderBy: [{ requestedAt: "asc" }, { id: "asc" }] }),
      },
      { name: "OrganizationReferralsToConnection" },
      { name: "OrganizationReferralsToEdge" },
    ),
    referralsFrom: t.relatedConnection(
      "referralsFrom",
      {
        cursor: "id",
        totalCount: true,
        nullable: false,
        edgesNullable: false,
        nodeNullable: false,
        description: "Service referrals this organization SENT, newest request first.",
        query: (_args, ctx) => ({ where: rowScope(ctx, "ServiceReferral"), orderBy: [{ requestedAt: "desc" }, { id: "asc" }] }),
      },
      { name: "OrganizationReferralsFromConnection" },
      { name: "OrganizationReferralsFromEdge" },
    ),
    repatriationsReceived: t.relation("repatriations", {
      nullable: false,
      description: "Repatriations where this organization received the returnee, newest arrival first.",
      query: (_args, ctx) => ({ where: rowScope(ctx, "Repatriation"), orderBy: [{ arrivedAt: "desc" }, { id: "asc" }] }),
    }),
    assignments: t.relation("assignments", {
      nullable: false,
      description: "Cases assigned to this organization (lead investigation, prosecution, case management), newest first. Only assignments to cases the caller may see.",
      query: (_args, ctx) => ({ where: { case: rowScope(ctx, "Case") }, orderBy: [{ assignedAt: "desc" }, { id: "asc" }] }),
    }),
    suspectLinks: t.relation("suspectLinks", {
      nullable: false,
      description: "Case participants (suspects) recorded as acting for this organization (HTCDS per_Organisation).",
      query: (_args, ctx) => ({ where: rowScope(ctx, "CaseParticipant"), orderBy: [{ contributedAt: "asc" }, { id: "asc" }] }),
    }),
  }),
});

builder.asEntity(OrganizationType, {
  key: builder.selection<{ id: string }>("id"),
  resolveReference: ({ id }, ctx) => ctx.db.prisma.organization.findFirst({ where: { AND: [{ id }, rowScope(ctx, "Organization")] } }),
});

// ---------------------------------------------------------------- filters and sort

const OrganizationFilter = builder.inputType("OrganizationFilter", {
  description: "Narrows the organizations list. All given fields must match (AND); list fields match any of their values (OR).",
  fields: (t) => ({
    kind: t.field({ type: [OrganizationKindEnum], required: false, description: "Any of these kinds.", extensions: reads("Organization.kind") }),
    agencyType: t.field({ type: [AgencyTypeEnum], required: false, description: "Any of these agency types.", extensions: reads("Organization.agencyType") }),
    region: t.string({ required: false, description: REGION_FILTER_HELP, extensions: reads("Organization.region") }),
    licenceStatus: t.field({
      type: [LicenceStatusEnum],
      required: false,
      description: "Any of these P3MI licence statuses.",
      extensions: reads("Organization.licenceStatus"),
    }),
    country: t.stringList({ required: false, description: "Any of these countries (ISO 3166-1 alpha-2).", extensions: reads("Organization.country") }),
    nameContains: t.string({ required: false, description: "Case-insensitive substring of the name.", extensions: reads("Organization.name") }),
    sourceAgency: t.stringList({ required: false, description: "Contributed by any of these agency codes.", extensions: reads("Organization.sourceAgency") }),
  }),
});

const OrganizationOrder = orderEnum("OrganizationOrder", "Sort order for organizations.", {
  NAME_ASC: { description: "By name A-Z.", readsField: ["Organization.name"], orderBy: [asc("name")] },
  CODE_ASC: { description: "By agency code A-Z, organizations without a code last.", readsField: ["Organization.code"], orderBy: [asc("code", true)] },
  CONTRIBUTED_AT_DESC: { description: "Most recently contributed first.", readsField: ["Organization.contributedAt"], orderBy: [desc("contributedAt")] },
});

type OrganizationFilterShape = typeof OrganizationFilter.$inferInput;

function organizationWhere(ctx: RequestContext, f: OrganizationFilterShape | null | undefined) {
  const p = "filter";
  const filter = whereOf(
    f
      ? [
          { kind: anyOf(f.kind, `${p}.kind`) },
          { agencyType: anyOf(f.agencyType, `${p}.agencyType`) },
          f.region ? regionWhere("regionCode", f.region, `${p}.region`) : {},
          { licenceStatus: anyOf(f.licenceStatus, `${p}.licenceStatus`) },
          { country: f.country ? { in: countries(nonEmpty(f.country, `${p}.country`), `${p}.country`) } : undefined },
          { name: f.nameContains ? { contains: f.nameContains, mode: "insensitive" } : undefined },
          { sourceAgency: anyOf(f.sourceAgency, `${p}.sourceAgency`) },
        ]
      : [],
  );
  return { AND: [filter, rowScope(ctx, "Organization")] };
}

builder.queryFields((t) => ({
  organization: t.prismaField({
    type: "Organization",
    nullable: true,
    description: "One organization by hub id or by agency code (give exactly one). Null when it does not exist or is outside the caller's scope.",
    args: {
      id: t.arg.id({ required: false, description: "Hub identifier (UUID).", extensions: reads("Organization.id") }),
      code: t.arg.string({ required: false, description: "Agency code, e.g. POLDA-KALBAR.", extensions: reads("Organization.code") }),
    },
    resolve: (query, _root, args, ctx) => {
      if ((args.id == null) === (args.code == null)) throw badInput("organization", "give exactly one of id or code");
      const key = args.id != null ? { id: uuid(String(args.id), "id") } : { code: args.code! };
      return ctx.db.prisma.organization.findFirst({ ...query, where: { AND: [key, rowScope(ctx, "Organization")] } });
    },
  }),
  organizations: t.prismaConnection(
    {
      type: "Organization",
      cursor: "id",
      nullable: false,
      edgesNullable: false,
      nodeNullable: false,
      description: "Organizations, filtered and sorted. Relay cursor pagination (first/after or last/before); at most 100 per page.",
      args: {
        filter: t.arg({ type: OrganizationFilter, required: false, description: "Optional filter." }),
        orderBy: t.arg({ type: OrganizationOrder.ref, required: false, defaultValue: "NAME_ASC", description: "Sort order (default NAME_ASC)." }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.db.prisma.organization.findMany({ ...query, where: organizationWhere(ctx, args.filter), orderBy: OrganizationOrder.toPrisma(args.orderBy, "NAME_ASC") }),
      totalCount: (_conn, args, ctx) => ctx.db.prisma.organization.count({ where: organizationWhere(ctx, args.filter) }),
    },
    { name: "OrganizationConnection", description: "A page of organizations." },
    { name: "OrganizationEdge", description: "An organization in a page." },
  ),
}));
