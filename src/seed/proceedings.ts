// The criminal procedure around a case: a police report (laporan polisi) that moves through
// investigation to the prosecutor and the court. The stage reached by the reference date decides
// the case status, so status, proceedings and assignments always agree.
import type { CaseStatus, ProceedingStage } from "../generated/prisma/client.ts";
import { serviceAccount, type SeedContext } from "./context";
import { isBefore, recordedAt } from "./journeys";
import { COURTS, type Modus } from "./profiles";
import { addDays, dayOf, minDate, REFERENCE_DATE } from "./prng";

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
const POLICE_STAGES: readonly ProceedingStage[] = ["REPORTED", "PRELIMINARY_INVESTIGATION", "INVESTIGATION", "CASE_FILE_COMPLETE"];
const COURT_STAGES: readonly ProceedingStage[] = ["PROSECUTION", "TRIAL", "VERDICT", "APPEAL"];
/** Days from the previous stage to this one. */
const STEP_DAYS: Partial<Record<ProceedingStage, readonly [number, number]>> = {
  PRELIMINARY_INVESTIGATION: [3, 21],
  INVESTIGATION: [14, 90],
  CASE_FILE_COMPLETE: [60, 240],
  PROSECUTION: [7, 30],
  TRIAL: [7, 45],
  VERDICT: [45, 150],
  APPEAL: [7, 14],
};

export interface LegalOutcome {
  status: CaseStatus;
  closedAt: Date | null;
  closureReason: string | null;
  reportDate: Date;
  /** Latest date anything changed on the case. */
  lastChange: Date;
  /** Date the case file went to the prosecutor (P21), if it did. */
  handedOver: Date | null;
  /** Police of the other province, if the case was handed to them. */
  referredTo: string | null;
}

export interface LegalInput {
  caseId: string;
  province: "61" | "63";
  modus: Modus;
  identifiedAt: Date;
  regencyCode: string;
  suspects: readonly { name: string; p3mi: boolean }[];
}

export function addLegalProceedings(ctx: SeedContext, c: LegalInput): LegalOutcome {
  const rng = ctx.rng;
  const police = c.province === "63" ? "POLDA-KALSEL" : "POLDA-KALBAR";
  const other = c.province === "63" ? "POLDA-KALBAR" : "POLDA-KALSEL";
  const plan = rng.weighted([["court", 70], ["terminated", 15], ["referred", 8], ["stalled", 7]] as const);
  const appeal = rng.chance(0.15);
  const reportDate = minDate(addDays(c.identifiedAt, rng.int(0, 7)), addDays(REFERENCE_DATE, -1));
  const reached: { stage: ProceedingStage; date: Date }[] = [{ stage: "REPORTED", date: reportDate }];
  const path: ProceedingStage[] = [...POLICE_STAGES.slice(1), ...COURT_STAGES];
  const stopAfter: ProceedingStage =
    plan === "court" ? (appeal ? "APPEAL" : "VERDICT") : plan === "referred" ? "PRELIMINARY_INVESTIGATION" : "INVESTIGATION";
  for (const stage of path) {
    const [lo, hi] = STEP_DAYS[stage]!;
    const date = addDays(reached[reached.length - 1]!.date, rng.int(lo, hi));
    if (!isBefore(date)) break;
    reached.push({ stage, date });
    if (stage === stopAfter) break;
  }
  let last = reached[reached.length - 1]!;
  let status: CaseStatus;
  let closedAt: Date | null = null;
  let closureReason: string | null = null;
  let referredTo: string | null = null;
  const finalDate = addDays(last.date, rng.int(30, 180));
  if (plan === "terminated" && last.stage === "INVESTIGATION" && isBefore(finalDate)) {
    last = { stage: "TERMINATED", date: finalDate };
    reached.push(last);
    status = "Closed";
    closedAt = finalDate;
    closureReason = "Penyidikan dihentikan (SP3): tidak cukup bukti";
  } else if (plan === "referred" && last.stage === "PRELIMINARY_INVESTIGATION" && isBefore(finalDate)) {
    status = "ClosedReferred";
    closedAt = finalDate;
    referredTo = other;
    closureReason = `Dilimpahkan ke ${other === "POLDA-KALSEL" ? "Polda Kalimantan Selatan" : "Polda Kalimantan Barat"} (locus delicti)`;
  } else if (last.stage === "VERDICT" && isBefore(addDays(last.date, 14))) {
    status = "Closed";
    closedAt = addDays(last.date, 14);
    closureReason = "Putusan berkekuatan hukum tetap";
  } else if (POLICE_STAGES.indexOf(last.stage) >= 0 && last.stage !== "CASE_FILE_COMPLETE") {
    status = "Active";
  } else {
    status = "FollowUp";
  }

  // Police record: one per laporan polisi, at the last police stage.
  const year = reportDate.getUTCFullYear();
  const lpNumber = `LP/B/${ctx.seq(police, `LP-${year}`)}/${ROMAN[reportDate.getUTCMonth()]}/${year}/SPKT/POLDA ${c.province === "63" ? "KALIMANTAN SELATAN" : "KALIMANTAN BARAT"}`;
  const policeStage = [...reached].reverse().find((r) => POLICE_STAGES.includes(r.stage) || r.stage === "TERMINATED")!;
  const named = policeStage.stage !== "REPORTED" && policeStage.stage !== "PRELIMINARY_INVESTIGATION";
  const policeAt = recordedAt(ctx, reportDate);
  const policeUpdated = recordedAt(ctx, policeStage.date);
  ctx.batch.legalProceedings.push({
    id: ctx.id(),
    caseId: c.caseId,
    policeReportNumber: lpNumber,
    stage: policeStage.stage,
    stageDate: dayOf(policeStage.date),
    defendantName: named ? (c.suspects[0]?.name ?? null) : null,
    courtName: null,
    courtCaseNumber: null,
    verdict: null,
    verdictDate: null,
    sentenceMonths: null,
    restitutionAmount: null,
    sourceAgency: police,
    sourceSystem: "EMP",
    externalId: ctx.externalId(police, "PROSES", policeAt),
    contributedAt: policeAt,
    contributedBy: serviceAccount(police, "EMP"),
    updatedAt: policeUpdated.getTime() < policeAt.getTime() ? policeAt : policeUpdated,
    version: reached.filter((r) => POLICE_STAGES.includes(r.stage) || r.stage === "TERMINATED").length,
  });

  // Prosecutor's records: one perkara per defendant (at most two), once the file is handed over.
  if (COURT_STAGES.includes(last.stage)) {
    const kejati = c.province === "63" ? "KEJATI-KALSEL" : "KEJATI-KALBAR";
    const [court, abbr] = COURTS[c.regencyCode] ?? COURTS[c.province === "63" ? "63.71" : "61.71"]!;
    const prosecution = reached.find((r) => r.stage === "PROSECUTION")!.date;
    const verdictOn = reached.find((r) => r.stage === "VERDICT")?.date ?? null;
    for (const s of c.suspects.slice(0, 2)) {
      const at = recordedAt(ctx, prosecution);
      const changed = recordedAt(ctx, last.date);
      const inCourt = last.stage !== "PROSECUTION";
      const guilty = rng.chance(0.92);
      const article = s.p3mi && c.modus === "ILLEGAL_MIGRANT_WORKER_DISPATCH" ? "Pasal 81 UU 18/2017" : rng.pick(["Pasal 2 UU 21/2007", "Pasal 4 UU 21/2007", "Pasal 10 UU 21/2007"]);
      const courtYear = (reached.find((r) => r.stage === "TRIAL")?.date ?? prosecution).getUTCFullYear();
      ctx.batch.legalProceedings.push({
        id: ctx.id(),
        caseId: c.caseId,
        policeReportNumber: lpNumber,
        stage: last.stage,
        stageDate: dayOf(last.date),
        defendantName: s.name,
        courtName: inCourt ? court : null,
        courtCaseNumber: inCourt ? `${100 + ctx.seq(abbr, `PN-${courtYear}`)}/Pid.Sus/${courtYear}/PN ${abbr}` : null,
        verdict: verdictOn ? (guilty ? `Terbukti bersalah (${article})` : "Bebas: dakwaan tidak terbukti") : null,
        verdictDate: verdictOn ? dayOf(verdictOn) : null,
        sentenceMonths: verdictOn && guilty ? rng.int(36, 180) : null,
        restitutionAmount: verdictOn && guilty && rng.chance(0.45) ? BigInt(rng.int(5, 150)) * 1_000_000n : null,
        sourceAgency: kejati,
        sourceSystem: "CMS",
        externalId: ctx.externalId(kejati, "PERKARA", at),
        contributedAt: at,
        contributedBy: serviceAccount(kejati, "CMS"),
        updatedAt: changed.getTime() < at.getTime() ? at : changed,
        version: 1 + COURT_STAGES.indexOf(last.stage),
      });
    }
  }

  const handedOver = reached.find((r) => r.stage === "CASE_FILE_COMPLETE")?.date ?? null;
  return { status, closedAt, closureReason, reportDate, lastChange: closedAt ?? last.date, handedOver, referredTo };
}

/** Which organizations hold the case: police (investigation), prosecutor, case manager. */
export function addAssignments(ctx: SeedContext, c: { caseId: string; province: "61" | "63"; caseManager: string; managedFrom: Date }, o: LegalOutcome): void {
  const add = (code: string, purpose: string, day: Date) =>
    ctx.batch.caseAssignments.push({ id: ctx.id(), caseId: c.caseId, organizationId: ctx.orgs.get(code).id, purpose, assignedAt: recordedAt(ctx, day) });
  add(c.province === "63" ? "POLDA-KALSEL" : "POLDA-KALBAR", "INVESTIGATION", o.reportDate);
  if (o.handedOver) add(c.province === "63" ? "KEJATI-KALSEL" : "KEJATI-KALBAR", "PROSECUTION", o.handedOver);
  if (isBefore(c.managedFrom)) add(c.caseManager, "CASE_MANAGEMENT", c.managedFrom);
  if (o.referredTo && o.closedAt) add(o.referredTo, "INVESTIGATION", o.closedAt);
}
