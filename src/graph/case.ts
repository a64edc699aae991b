// Case: a TPPO case (HTCDS cas_/vic_ aligned) with the full picture around it.
import type { CaseStatus } from "../generated/prisma/client.ts";
import { rowScope } from "../policy/row-scope";
import { readCount, readFirst, readPage } from "../read/reader";
import { selects } from "../read/selection";
import { builder } from "./builder";
import type { RequestContext } from "../request/context";
import {
  BorderPostEnum,
  CaseStatusEnum,
  ControlMethodEnum,
  ExploitationTypeEnum,
  IndustryEnum,
  ModusEnum,
  ParticipantRoleEnum,
  RecruitmentAppEnum,
  RecruitmentMethodEnum,
  SexExploitationTypeEnum,
  asVocab,
} from "./enums";
import { anyOf, byIdInScope, countries, desc, nonEmpty, orderEnum, range, reads, REGION_FILTER_HELP, regionWhere, uuid, whereOf } from "./filters";
import { ContributionRef } from "./provenance";


export const CaseType = builder.prismaObject("Case", {
  description:
    "A trafficking in persons (TPPO, UU 21/2007) case, aligned with HTCDS v2.0 (cas_ and the case-level vic_ fields), with the full picture around it: participants (victims, suspects, witnesses), placements, border crossings, repatriations, service referrals, legal proceedings, assignments and early warnings. Contributed by the agency that opened it (usually police or BP3MI).",
  interfaces: [ContributionRef],
  fields: (t) => ({
    id: t.exposeID("id", { nullable: false, description: "Hub identifier (UUID)." }),
    title: t.exposeString("title", { nullable: true, description: "Short working title given by the contributing agency." }),
    status: t.expose("status", { type: CaseStatusEnum, nullable: false, description: "Case status (HTCDS cas_Status)." }),
    modus: t.field({
      type: [ModusEnum],
      nullable: false,
      description: "Modus operandi (local vocabulary, several allowed).",
      resolve: (c) => asVocab<typeof ModusEnum>(c.modus),
    }),
    exploitationTypes: t.field({
      type: [ExploitationTypeEnum],
      nullable: false,
      description: "Types of exploitation (HTCDS vic_TypeOfExploitation, multi-valued; ForcedCriminality is a local extension).",
      resolve: (c) => asVocab<typeof ExploitationTypeEnum>(c.exploitationTypes),
    }),
    sexExploitationTypes: t.field({
      type: [SexExploitationTypeEnum],
      nullable: false,
      description: "Forms of sexual exploitation (HTCDS vic_TypeOfSexExploitation), when exploitationTypes has SexualExploitation.",
      resolve: (c) => asVocab<typeof SexExploitationTypeEnum>(c.sexExploitationTypes),
    }),
    forcedLabourIndustry: t.expose("forcedLabourIndustry", {
      type: IndustryEnum,
      nullable: true,
      description: "Industry of forced labour, ISIC Rev.4 section (HTCDS vic_ForcedLabourIndustry).",
    }),
    recruitmentMethods: t.field({
      type: [RecruitmentMethodEnum],
      nullable: false,
      description: "How victims were recruited (HTCDS vic_MethodOfRecruitment, multi-valued).",
      resolve: (c) => asVocab<typeof RecruitmentMethodEnum>(c.recruitmentMethods),
    }),
    controlMethods: t.field({
      type: [ControlMethodEnum],
      nullable: false,
      description: "How victims were controlled (HTCDS vic_MethodsOfControl, multi-valued; RestrictsMovement is a local extension).",
      resolve: (c) => asVocab<typeof ControlMethodEnum>(c.controlMethods),
    }),
    recruitmentApps: t.field({
      type: [RecruitmentAppEnum],
      nullable: false,
      description: "Websites or apps used to recruit (HTCDS vic_RecruitmentWebsitesAndApps).",
      resolve: (c) => asVocab<typeof RecruitmentAppEnum>(c.recruitmentApps),
    }),
    originRegion: t.relation("originRegion", {
      nullable: true,
      description: "Where the victims come from (kode wilayah, any level).",
    }),
    recruitmentRegion: t.relation("recruitmentRegion", {
      nullable: true,
      description: "Where recruitment took place (kode wilayah; HTCDS vic_LocationOfRecruitment).",
    }),
    transitCountries: t.exposeStringList("transitCountries", {
      nullable: false,
      description: "Countries passed through on the way, ISO 3166-1 alpha-2, in order.",
    }),
    transitBorderPost: t.expose("transitBorderPost", { type: BorderPostEnum, nullable: true, description: "Border post or path used to leave Indonesia." }),
    destinationCountry: t.exposeString("destinationCountry", {
      nullable: true,
      description: "Country of exploitation, ISO 3166-1 alpha-2 (HTCDS vic_LocationOfExploitation).",
    }),
    destinationCity: t.exposeString("destinationCity", { nullable: true, description: "City or area of exploitation (free text, e.g. Kuching, Sihanoukville)." }),
    identifiedAt: t.expose("identifiedAt", { type: "Date", nullable: true, description: "Date the case was identified (report received or victims found)." }),
    exploitationStartedAt: t.expose("exploitationStartedAt", { type: "Date", nullable: true, description: "Date exploitation began (best known)." }),
    exploitationEndedAt: t.expose("exploitationEndedAt", { type: "Date", nullable: true, description: "Date exploitation ended (rescue, escape, return)." }),
    closedAt: t.expose("closedAt", { type: "Date", nullable: true, description: "Date the case was closed." }),
    closureReason: t.exposeString("closureReason", { nullable: true, description: "Why the case was closed (HTCDS cas_ReasonForCaseClosure, free text)." }),
    summary: t.exposeString("summary", {
      nullable: true,
      description: "Narrative summary by the contributing agency. Free text that can contain personal data: treat as sensitive.",
    }),
    participants: t.relation("participants", {
      nullable: false,
      description: "Persons in the case with their role and victim/suspect context, oldest first. Optionally only some roles.",
      args: {
        role: t.arg({
          type: [ParticipantRoleEnum],
          required: false,
          description: "Only participants with any of these roles.",
          extensions: reads("CaseParticipant.role"),
        }),
      },
      query: (args, ctx) => ({
        where: { AND: [args.role ? { role: { in: args.role } } : {}, rowScope(ctx, "CaseParticipant")] },
        orderBy: [{ contributedAt: "asc" }, { id: "asc" }],
      }),
    }),
    victimCount: t.relationCount("participants", {
      description: "Number of participants with role VICTIM (that the caller may see).",
      where: (_args, ctx) => ({ AND: [{ role: "VICTIM" as const }, rowScope(ctx, "CaseParticipant")] }),
    }),
    placements: t.relation("placements", {
      nullable: false,
      description: "Migrant worker placements linked to the case, newest departure first.",
      query: (_args, ctx) => ({ where: rowScope(ctx, "MigrantPlacement"), orderBy: [{ departureDate: { sort: "desc", nulls: "last" } }, { id: "asc" }] }),
    }),
    crossings: t.relation("crossings", {
      nullable: false,
      description: "Border crossings linked to the case, in time order.",
      query: (_args, ctx) => ({ where: rowScope(ctx, "BorderCrossing"), orderBy: [{ crossedAt: "asc" }, { id: "asc" }] }),
    }),
    repatriations: t.relation("repatriations", {
      nullable: false,
      description: "Repatriations linked to the case, in time order.",
      query: (_args, ctx) => ({ where: rowScope(ctx, "Repatriation"), orderBy: [{ arrivedAt: "asc" }, { id: "asc" }] }),
    }),
    referrals: t.relation("referrals", {
      nullable: false,
      description: "Service referrals linked to the case, in request order.",
      query: (_args, ctx) => ({ where: rowScope(ctx, "ServiceReferral"), orderBy: [{ requestedAt: "asc" }, { id: "asc" }] }),
    }),
    proceedings: t.relation("proceedings", {
      nullable: false,
      description: "Criminal proceedings (police report to verdict), in stage-date order.",
      query: (_args, ctx) => ({ where: rowScope(ctx, "LegalProceeding"), orderBy: [{ stageDate: { sort: "asc", nulls: "last" } }, { id: "asc" }] }),
    }),
    assignments: t.relation("assignments", {
      nullable: false,
      description: "Organizations the case is assigned to (lead investigator, prosecutor's office, case manager), in assignment order.",
      query: (_args, ctx) => ({ where: { organization: rowScope(ctx, "Organization") }, orderBy: [{ assignedAt: "asc" }, { id: "asc" }] }),
    }),
    warnings: t.relation("warnings", {
      nullable: false,
      description: "Early-warning reports linked to the case, in report order.",
      query: (_args, ctx) => ({ where: rowScope(ctx, "EarlyWarningReport"), orderBy: [{ reportedAt: "asc" }, { id: "asc" }] }),
    }),
  }),
});

builder.asEntity(CaseType, {
  key: builder.selection<{ id: string }>("id"),
  resolveReference: ({ id }, ctx) => ctx.db.prisma.case.findFirst({ where: { AND: [{ id }, rowScope(ctx, "Case")] } }),
});

// ---------------------------------------------------------------- filters and sort

const CaseFilter = builder.inputType("CaseFilter", {
  description: "Narrows the cases list. All given fields must match (AND); list fields match any of their values (OR).",
  fields: (t) => ({
    status: t.field({ type: [CaseStatusEnum], required: false, description: "Any of these statuses.", extensions: reads("Case.status") }),
    region: t.string({
      required: false,
      description: `Origin OR recruitment region. ${REGION_FILTER_HELP}`,
      extensions: reads("Case.originRegion", "Case.recruitmentRegion"),
    }),
    originRegion: t.string({ required: false, description: `Origin region. ${REGION_FILTER_HELP}`, extensions: reads("Case.originRegion") }),
    recruitmentRegion: t.string({ required: false, description: `Recruitment region. ${REGION_FILTER_HELP}`, extensions: reads("Case.recruitmentRegion") }),
    identifiedFrom: t.field({ type: "Date", required: false, description: "Identified on or after this date.", extensions: reads("Case.identifiedAt") }),
    identifiedTo: t.field({ type: "Date", required: false, description: "Identified on or before this date.", extensions: reads("Case.identifiedAt") }),
    exploitationTypes: t.field({
      type: [ExploitationTypeEnum],
      required: false,
      description: "Has any of these exploitation types.",
      extensions: reads("Case.exploitationTypes"),
    }),
    modus: t.field({ type: [ModusEnum], required: false, description: "Has any of these modus.", extensions: reads("Case.modus") }),
    recruitmentApps: t.field({
      type: [RecruitmentAppEnum],
      required: false,
      description: "Recruited through any of these apps.",
      extensions: reads("Case.recruitmentApps"),
    }),
    destinationCountry: t.stringList({
      required: false,
      description: "Destination is any of these countries (ISO 3166-1 alpha-2).",
      extensions: reads("Case.destinationCountry"),
    }),
    transitBorderPost: t.field({
      type: [BorderPostEnum],
      required: false,
      description: "Left Indonesia through any of these posts.",
      extensions: reads("Case.transitBorderPost"),
    }),
    sourceAgency: t.stringList({ required: false, description: "Contributed by any of these agency codes.", extensions: reads("Case.sourceAgency") }),
    assignedTo: t.id({
      required: false,
      description: "Assigned to this organization (hub id), for any purpose.",
      extensions: reads("Case.assignments", "CaseAssignment.organization"),
    }),
    hasChildVictim: t.boolean({
      required: false,
      description: "true: has at least one victim who was a child when exploited; false: has none.",
      extensions: reads("Case.participants", "CaseParticipant.role", "CaseParticipant.isChild"),
    }),
  }),
});

const CaseOrder = orderEnum("CaseOrder", "Sort order for cases.", {
  IDENTIFIED_AT_DESC: { description: "Most recently identified first, undated last.", readsField: ["Case.identifiedAt"], orderBy: [desc("identifiedAt", true)] },
  IDENTIFIED_AT_ASC: {
    description: "Earliest identified first, undated last.",
    readsField: ["Case.identifiedAt"],
    orderBy: [{ identifiedAt: { sort: "asc", nulls: "last" } }],
  },
  UPDATED_AT_DESC: { description: "Most recently changed first.", readsField: ["Case.updatedAt"], orderBy: [desc("updatedAt")] },
  CONTRIBUTED_AT_DESC: { description: "Most recently contributed first.", readsField: ["Case.contributedAt"], orderBy: [desc("contributedAt")] },
});

function caseWhere(ctx: RequestContext, f: typeof CaseFilter.$inferInput | null | undefined) {
  const p = "filter";
  const childVictim = { some: { AND: [{ role: "VICTIM" as const, isChild: true }, rowScope(ctx, "CaseParticipant")] } };
  const filter = whereOf(
    f
      ? [
          { status: f.status ? { in: nonEmpty<CaseStatus>(f.status, `${p}.status`) } : undefined },
          f.region
            ? {
                OR: [
                  regionWhere("originRegionCode", f.region, `${p}.region`),
                  regionWhere("recruitmentRegionCode", f.region, `${p}.region`),
                ],
              }
            : {},
          f.originRegion ? regionWhere("originRegionCode", f.originRegion, `${p}.originRegion`) : {},
          f.recruitmentRegion ? regionWhere("recruitmentRegionCode", f.recruitmentRegion, `${p}.recruitmentRegion`) : {},
          { identifiedAt: range(f.identifiedFrom, f.identifiedTo, p, "identifiedFrom", "identifiedTo") },
          { exploitationTypes: f.exploitationTypes ? { hasSome: nonEmpty(f.exploitationTypes, `${p}.exploitationTypes`) } : undefined },
          { modus: f.modus ? { hasSome: nonEmpty(f.modus, `${p}.modus`) } : undefined },
          { recruitmentApps: f.recruitmentApps ? { hasSome: nonEmpty(f.recruitmentApps, `${p}.recruitmentApps`) } : undefined },
          {
            destinationCountry: f.destinationCountry
              ? { in: countries(nonEmpty(f.destinationCountry, `${p}.destinationCountry`), `${p}.destinationCountry`) }
              : undefined,
          },
          { transitBorderPost: anyOf(f.transitBorderPost, `${p}.transitBorderPost`) },
          { sourceAgency: anyOf(f.sourceAgency, `${p}.sourceAgency`) },
          {
            assignments:
              f.assignedTo != null
                ? { some: { organizationId: uuid(String(f.assignedTo), `${p}.assignedTo`), organization: rowScope(ctx, "Organization") } }
                : undefined,
          },
          f.hasChildVictim == null ? {} : f.hasChildVictim ? { participants: childVictim } : { NOT: { participants: childVictim } },
        ]
      : [],
  );
  return { AND: [filter, rowScope(ctx, "Case")] };
}

builder.queryFields((t) => ({
  case: t.prismaField({
    type: "Case",
    nullable: true,
    description: "One case by hub id, with whatever of its picture you select. Null when it does not exist or is outside the caller's scope.",
    args: { id: t.arg.id({ required: true, description: "Hub identifier (UUID).", extensions: reads("Case.id") }) },
    resolve: async (query, _root, args, ctx) => (await readFirst(ctx, "Case", { ...query, where: byIdInScope(ctx, "Case", args.id) })) as never,
  }),
  cases: t.prismaConnection(
    {
      type: "Case",
      cursor: "id",
      nullable: false,
      edgesNullable: false,
      nodeNullable: false,
      description: "Cases, filtered and sorted. Relay cursor pagination (first/after or last/before); at most 100 per page.",
      args: {
        filter: t.arg({ type: CaseFilter, required: false, description: "Optional filter." }),
        orderBy: t.arg({ type: CaseOrder.ref, required: false, defaultValue: "IDENTIFIED_AT_DESC", description: "Sort order (default IDENTIFIED_AT_DESC)." }),
      },
      // totalCount comes out of the page's own statement when both are selected.
      resolve: async (query, _root, args, ctx, info) =>
        (await readPage(ctx, "Case", { ...query, where: caseWhere(ctx, args.filter), orderBy: CaseOrder.toPrisma(args.orderBy, "IDENTIFIED_AT_DESC") }, selects(info, "totalCount") ? args : null)) as never,
      totalCount: (_conn, args, ctx) => readCount(ctx, "Case", caseWhere(ctx, args.filter), args),
    },
    { name: "CaseConnection", description: "A page of cases." },
    { name: "CaseEdge", description: "A case in a page." },
  ),
}));
