// Legal proceedings (Polri EMP, Kejaksaan CMS, Mahkamah Agung SIPP via SPPT-TI): the stage a
// case has reached, from laporan polisi to verdict, with sentence and restitution (UU 21/2007 Art. 48).
import { z } from "zod";
import { ProceedingStage } from "../../generated/prisma/enums.ts";
import { defineHandler } from "../handler";
import { resolveCase } from "../references";
import { calendarDate, checkNotFuture, issue, opt, optText, provenance, recordRef } from "../schema-kit";
import { rejectIfErrors, writeRecord, type ProvenanceDelegate } from "../store";

const WITH_VERDICT: readonly string[] = ["VERDICT", "APPEAL"];

export const legalProceedingSchema = z
  .object({
    ...provenance,
    case: recordRef,
    policeReportNumber: optText(100),
    stage: z.enum(ProceedingStage),
    stageDate: opt(calendarDate),
    defendantName: optText(200),
    courtName: optText(200),
    courtCaseNumber: optText(100),
    verdict: optText(2000),
    verdictDate: opt(calendarDate),
    sentenceMonths: opt(z.number().int().min(0, { message: "Between 0 and 1200 months." }).max(1200, { message: "Between 0 and 1200 months." })),
    /** Rupiah, whole number; a string of digits (amounts exceed 32-bit integers) or a bigint. */
    restitutionAmount: opt(
      z.union([z.bigint().min(0n), z.string().trim().regex(/^\d{1,18}$/, { message: "Whole rupiah as digits, e.g. \"150000000\"." })]).transform((v) => BigInt(v)),
    ),
  })
  .strict()
  .superRefine((p, ctx) => {
    const now = new Date();
    checkNotFuture(ctx, now, [
      [["stageDate"], p.stageDate, "date"],
      [["verdictDate"], p.verdictDate, "date"],
    ]);
    if (!WITH_VERDICT.includes(p.stage)) {
      for (const f of ["verdict", "verdictDate", "sentenceMonths", "restitutionAmount"] as const) {
        if (p[f] != null) issue(ctx, [f], "NOT_APPLICABLE", `${f} applies from stage VERDICT on.`);
      }
    }
  });

export const legalProceedingHandler = defineHandler({
  type: "LegalProceeding",
  schema: legalProceedingSchema,
  find: (tx, sourceAgency, externalId) => tx.legalProceeding.findUnique({ where: { sourceAgency_externalId: { sourceAgency, externalId } } }),
  async apply(env, input, existing) {
    const caseId = await resolveCase(env, ["case"], input.case);
    rejectIfErrors(env);
    return writeRecord(env, env.tx.legalProceeding as unknown as ProvenanceDelegate, input, existing, {
      caseId,
      policeReportNumber: input.policeReportNumber,
      stage: input.stage,
      stageDate: input.stageDate,
      defendantName: input.defendantName,
      courtName: input.courtName,
      courtCaseNumber: input.courtCaseNumber,
      verdict: input.verdict,
      verdictDate: input.verdictDate,
      sentenceMonths: input.sentenceMonths,
      restitutionAmount: input.restitutionAmount,
    });
  },
});
