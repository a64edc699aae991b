// Early-warning reports (LTSA desks, communities, NGOs): a suspected recruitment or departure
// reported before anyone is exploited, by kode wilayah.
import { z } from "zod";
import { WarningSource, WarningStatus } from "../../generated/prisma/enums.ts";
import { defineHandler } from "../handler";
import { resolveCase } from "../references";
import { checkNotFuture, instant, opt, optText, provenance, recordRef, regionCode, requiredText } from "../schema-kit";
import { checkRegions, rejectIfErrors, writeRecord, type ProvenanceDelegate } from "../store";

export const earlyWarningReportSchema = z
  .object({
    ...provenance,
    source: z.enum(WarningSource),
    regionCode,
    status: opt(z.enum(WarningStatus)).transform((s) => s ?? "NEW"),
    reportedAt: instant,
    description: requiredText(5000),
    suspectedRecruiter: optText(200),
    case: opt(recordRef),
  })
  .strict()
  .superRefine((w, ctx) => {
    checkNotFuture(ctx, new Date(), [[["reportedAt"], w.reportedAt, "instant"]]);
  });

export const earlyWarningReportHandler = defineHandler({
  type: "EarlyWarningReport",
  schema: earlyWarningReportSchema,
  find: (tx, sourceAgency, externalId) => tx.earlyWarningReport.findUnique({ where: { sourceAgency_externalId: { sourceAgency, externalId } } }),
  async apply(env, input, existing) {
    await checkRegions(env, [[["regionCode"], input.regionCode]]);
    const caseId = await resolveCase(env, ["case"], input.case);
    rejectIfErrors(env);
    return writeRecord(env, env.tx.earlyWarningReport as unknown as ProvenanceDelegate, input, existing, {
      source: input.source,
      regionCode: input.regionCode,
      status: input.status,
      reportedAt: input.reportedAt,
      description: input.description,
      suspectedRecruiter: input.suspectedRecruiter,
      caseId,
    });
  },
});
