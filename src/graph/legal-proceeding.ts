// LegalProceeding: the criminal process in a case, from police report to verdict.
import { rowScope } from "../policy/row-scope";
import { builder } from "./builder";
import { CaseType } from "./case";
import type { RequestContext } from "../request/context";
import { ProceedingStageEnum } from "./enums";
import { anyOf, byIdInScope, desc, optionalUuid, orderEnum, range, reads, whereOf } from "./filters";
import { scopedOne } from "./loaders";
import { ContributionRef } from "./provenance";

export const LegalProceedingType = builder.prismaObject("LegalProceeding", {
  description:
    "A criminal proceeding in a TPPO case (KUHAP stages from laporan polisi to verdict), usually one per defendant. Contributed by police (through P21), then prosecutors and courts (SPPT-TI).",
  interfaces: [ContributionRef],
  fields: (t) => ({
    id: t.exposeID("id", { nullable: false, description: "Hub identifier (UUID)." }),
    case: t.field({
      type: CaseType,
      nullable: true,
      description: "The case. Null when it is outside the caller's scope.",
      select: (_args, _ctx, nested) => ({ case: nested() }),
      resolve: (l, _args, ctx) => scopedOne(ctx, "Case", l.case),
    }),
    policeReportNumber: t.exposeString("policeReportNumber", { nullable: true, description: "Police report number (nomor laporan polisi, LP/B/...)." }),
    stage: t.expose("stage", { type: ProceedingStageEnum, nullable: false, description: "Current stage." }),
    stageDate: t.expose("stageDate", { type: "Date", nullable: true, description: "Date the current stage was reached." }),
    defendantName: t.exposeString("defendantName", { nullable: true, description: "Name of the defendant (tersangka / terdakwa) as in the court file. Personal data." }),
    courtName: t.exposeString("courtName", { nullable: true, description: "Court hearing the case (e.g. Pengadilan Negeri Sanggau)." }),
    courtCaseNumber: t.exposeString("courtCaseNumber", { nullable: true, description: "Court case number (nomor perkara, as in SIPP)." }),
    verdict: t.exposeString("verdict", { nullable: true, description: "Verdict summary (free text)." }),
    verdictDate: t.expose("verdictDate", { type: "Date", nullable: true, description: "Date of the verdict." }),
    sentenceMonths: t.exposeInt("sentenceMonths", { nullable: true, description: "Prison sentence in months." }),
    restitutionAmount: t.string({
      nullable: true,
      description:
        "Restitution ordered for the victims (UU 21/2007 Art. 48), in whole rupiah (IDR), as a decimal string because amounts can exceed 2^53 (e.g. \"150000000\" = Rp 150 juta).",
      resolve: (l) => (l.restitutionAmount == null ? null : l.restitutionAmount.toString()),
    }),
  }),
});

const ProceedingFilter = builder.inputType("LegalProceedingFilter", {
  description: "Narrows the proceedings list. All given fields must match (AND); list fields match any of their values (OR).",
  fields: (t) => ({
    stage: t.field({ type: [ProceedingStageEnum], required: false, description: "At any of these stages.", extensions: reads("LegalProceeding.stage") }),
    stageDateFrom: t.field({ type: "Date", required: false, description: "Stage reached on or after this date.", extensions: reads("LegalProceeding.stageDate") }),
    stageDateTo: t.field({ type: "Date", required: false, description: "Stage reached on or before this date.", extensions: reads("LegalProceeding.stageDate") }),
    verdictFrom: t.field({ type: "Date", required: false, description: "Verdict on or after this date.", extensions: reads("LegalProceeding.verdictDate") }),
    verdictTo: t.field({ type: "Date", required: false, description: "Verdict on or before this date.", extensions: reads("LegalProceeding.verdictDate") }),
    case: t.id({ required: false, description: "Proceedings of this case (hub id).", extensions: reads("LegalProceeding.case") }),
    sourceAgency: t.stringList({ required: false, description: "Contributed by any of these agency codes.", extensions: reads("LegalProceeding.sourceAgency") }),
  }),
});

const ProceedingOrder = orderEnum("LegalProceedingOrder", "Sort order for proceedings.", {
  STAGE_DATE_DESC: { description: "Most recent stage change first, undated last.", readsField: ["LegalProceeding.stageDate"], orderBy: [desc("stageDate", true)] },
  VERDICT_DATE_DESC: { description: "Most recent verdict first, no verdict last.", readsField: ["LegalProceeding.verdictDate"], orderBy: [desc("verdictDate", true)] },
  CONTRIBUTED_AT_DESC: { description: "Most recently contributed first.", readsField: ["LegalProceeding.contributedAt"], orderBy: [desc("contributedAt")] },
});

function proceedingWhere(ctx: RequestContext, f: typeof ProceedingFilter.$inferInput | null | undefined) {
  const p = "filter";
  const filter = whereOf(
    f
      ? [
          { stage: anyOf(f.stage, `${p}.stage`) },
          { stageDate: range(f.stageDateFrom, f.stageDateTo, p, "stageDateFrom", "stageDateTo") },
          { verdictDate: range(f.verdictFrom, f.verdictTo, p, "verdictFrom", "verdictTo") },
          { caseId: optionalUuid(f.case, `${p}.case`) },
          { sourceAgency: anyOf(f.sourceAgency, `${p}.sourceAgency`) },
        ]
      : [],
  );
  return { AND: [filter, rowScope(ctx, "LegalProceeding")] };
}

builder.queryFields((t) => ({
  legalProceeding: t.prismaField({
    type: "LegalProceeding",
    nullable: true,
    description: "One legal proceeding by hub id. Null when it does not exist or is outside the caller's scope.",
    args: { id: t.arg.id({ required: true, description: "Hub identifier (UUID).", extensions: reads("LegalProceeding.id") }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.legalProceeding.findFirst({ ...query, where: byIdInScope(ctx, "LegalProceeding", args.id) }),
  }),
  legalProceedings: t.prismaConnection(
    {
      type: "LegalProceeding",
      cursor: "id",
      nullable: false,
      edgesNullable: false,
      nodeNullable: false,
      description: "Legal proceedings, filtered and sorted. Relay cursor pagination; at most 100 per page.",
      args: {
        filter: t.arg({ type: ProceedingFilter, required: false, description: "Optional filter." }),
        orderBy: t.arg({ type: ProceedingOrder.ref, required: false, defaultValue: "STAGE_DATE_DESC", description: "Sort order (default STAGE_DATE_DESC)." }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.db.prisma.legalProceeding.findMany({
          ...query,
          where: proceedingWhere(ctx, args.filter),
          orderBy: ProceedingOrder.toPrisma(args.orderBy, "STAGE_DATE_DESC"),
        }),
      totalCount: (_conn, args, ctx) => ctx.db.prisma.legalProceeding.count({ where: proceedingWhere(ctx, args.filter) }),
    },
    { name: "LegalProceedingConnection", description: "A page of legal proceedings." },
    { name: "LegalProceedingEdge", description: "A legal proceeding in a page." },
  ),
}));
