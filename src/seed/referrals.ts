// Victims' service needs and the referrals that answer them. The case manager (Dinas Sosial,
// or DP3A for children and sexual exploitation) owns the referral records in its own system.
import type { ServiceType } from "../generated/prisma/client.ts";
import { SERVICE_TYPES } from "../domain/vocabulary";
import { serviceAccount, type SeedContext } from "./context";
import { isBefore, recordedAt } from "./journeys";
import { addDays, addMinutes, REFERENCE_DATE } from "./prng";

export interface NeedsInput {
  notAVictim: boolean;
  child: boolean;
  sexual: boolean;
  repatriated: boolean;
  actual: boolean;
}

export function victimNeeds(ctx: SeedContext, v: NeedsInput): ServiceType[] {
  const rng = ctx.rng;
  const needs = new Set<ServiceType>();
  if (v.notAVictim) {
    if (rng.chance(0.5)) needs.add("REINTEGRATION");
  } else {
    if (v.repatriated) needs.add("REPATRIATION");
    if (v.child || v.sexual || rng.chance(0.45)) needs.add("SHELTER");
    if (v.child || v.sexual || rng.chance(0.5)) needs.add("PSYCHOLOGICAL");
    if (rng.chance(v.sexual ? 0.8 : 0.35)) needs.add("MEDICAL");
    if (v.actual && rng.chance(0.6)) needs.add("LEGAL_AID");
    if (rng.chance(0.3)) needs.add("SOCIAL_REHABILITATION");
    if (rng.chance(0.5)) needs.add("REINTEGRATION");
    if (!v.child && rng.chance(0.25)) needs.add("ECONOMIC_EMPOWERMENT");
  }
  return SERVICE_TYPES.filter((s) => needs.has(s));
}

/** Provider agency code for a service, by province. */
function provider(ctx: SeedContext, service: ServiceType, province: "61" | "63"): string {
  const rng = ctx.rng;
  const kalsel = province === "63";
  switch (service) {
    case "SHELTER":
      return kalsel ? "SHELTER-RPTC-BANUA" : rng.weighted([["SHELTER-RPTC-KHATULISTIWA", 60], ["SHELTER-RUMAH-AMAN-ENTIKONG", 40]] as const);
    case "MEDICAL":
      return kalsel ? "SHELTER-RPTC-BANUA" : "KLINIK-KASIH-KHATULISTIWA";
    case "PSYCHOLOGICAL":
      return kalsel ? rng.pick(["DP3A-KALSEL", "NGO-RUMAH-HARAPAN-BANUA"]) : rng.pick(["DP3A-KALBAR", "NGO-SUAKA-BORNEO"]);
    case "LEGAL_AID":
      return kalsel ? "NGO-RUMAH-HARAPAN-BANUA" : rng.weighted([["LBH-PONTIANAK", 70], ["NGO-SUAKA-BORNEO", 30]] as const);
    case "SOCIAL_REHABILITATION":
      return kalsel ? "DINSOS-KALSEL" : "DINSOS-KALBAR";
    case "REINTEGRATION":
      return kalsel ? "NGO-RUMAH-HARAPAN-BANUA" : rng.pick(["NGO-PELITA-PERBATASAN", "NGO-SUAKA-BORNEO"]);
    case "ECONOMIC_EMPOWERMENT":
      return kalsel ? rng.pick(["DINSOS-KALSEL", "NGO-RUMAH-HARAPAN-BANUA"]) : rng.pick(["DINSOS-KALBAR", "NGO-PELITA-PERBATASAN"]);
    case "REPATRIATION":
      return kalsel ? "BP3MI-KALSEL" : "BP3MI-KALBAR";
  }
}

const DECLINE_REASONS = [
  "Kapasitas rumah aman penuh",
  "Layanan tidak tersedia untuk korban laki-laki dewasa",
  "Korban menolak layanan",
  "Di luar wilayah layanan",
];

const COMPLETION_DAYS: Record<ServiceType, readonly [number, number]> = {
  SHELTER: [14, 120],
  MEDICAL: [3, 45],
  PSYCHOLOGICAL: [30, 180],
  LEGAL_AID: [90, 400],
  SOCIAL_REHABILITATION: [30, 120],
  REINTEGRATION: [60, 300],
  ECONOMIC_EMPOWERMENT: [60, 240],
  REPATRIATION: [3, 30],
};

export interface ReferralInput {
  personId: string;
  caseId: string | null;
  province: "61" | "63";
  /** Agency that refers first (police for case victims, Dinas Sosial for deportees). */
  firstFrom: string;
  caseManager: string;
  needs: readonly ServiceType[];
  /** Earliest day a referral can be requested. */
  from: Date;
}

/**
 * One referral per need (most needs are referred), timestamps in lifecycle order and never after
 * the reference date; the status is the last step that has happened. Returns the receiving
 * organizations' codes (the victim's consent usually covers them).
 */
export function addReferrals(ctx: SeedContext, r: ReferralInput): string[] {
  const rng = ctx.rng;
  const recipients: string[] = [];
  const system = r.caseManager.startsWith("DP3A") ? "SIMFONI-PPA" : "SIKS-NG";
  let day = r.from;
  r.needs.forEach((service, k) => {
    if (k > 0 && !rng.chance(0.85)) return; // not every need gets a referral
    day = addDays(day, k === 0 ? rng.int(0, 10) : rng.int(0, 14));
    if (!isBefore(day)) return;
    const to = ctx.orgs.get(provider(ctx, service, r.province));
    let fromCode = k === 0 ? r.firstFrom : r.caseManager;
    if (fromCode === to.code) fromCode = r.firstFrom === to.code ? r.caseManager : r.firstFrom;
    if (fromCode === to.code) return;
    const from = ctx.orgs.get(fromCode);
    const requestedAt = recordedAt(ctx, day);
    const fate = rng.weighted([["normal", 82], ["declined", 8], ["unanswered", 4], ["ongoing", 6]] as const);
    const times: { acceptedAt?: Date; startedAt?: Date; completedAt?: Date; declinedAt?: Date } = {};
    if (fate === "declined") {
      times.declinedAt = addMinutes(requestedAt, rng.int(60, 5 * 24 * 60));
    } else if (fate !== "unanswered") {
      times.acceptedAt = addMinutes(requestedAt, rng.int(30, 72 * 60));
      times.startedAt = addMinutes(times.acceptedAt, rng.int(0, 7 * 24 * 60));
      const [lo, hi] = COMPLETION_DAYS[service];
      if (fate === "normal") times.completedAt = addDays(times.startedAt, rng.int(lo, hi));
    }
    // Keep only what has happened by the reference date.
    for (const key of ["acceptedAt", "startedAt", "completedAt", "declinedAt"] as const) {
      const t = times[key];
      if (t && t.getTime() >= REFERENCE_DATE.getTime()) delete times[key];
    }
    if (times.acceptedAt === undefined) delete times.startedAt;
    if (times.startedAt === undefined) delete times.completedAt;
    const status = times.declinedAt
      ? "DECLINED"
      : times.completedAt
        ? "COMPLETED"
        : times.startedAt
          ? "IN_PROGRESS"
          : times.acceptedAt
            ? "ACCEPTED"
            : "REQUESTED";
    const last = times.completedAt ?? times.declinedAt ?? times.startedAt ?? times.acceptedAt ?? requestedAt;
    ctx.batch.serviceReferrals.push({
      id: ctx.id(),
      personId: r.personId,
      caseId: r.caseId,
      fromOrganizationId: from.id,
      toOrganizationId: to.id,
      serviceType: service,
      status,
      requestedAt,
      acceptedAt: times.acceptedAt ?? null,
      startedAt: times.startedAt ?? null,
      completedAt: times.completedAt ?? null,
      declinedAt: times.declinedAt ?? null,
      declineReason: times.declinedAt ? rng.pick(DECLINE_REASONS) : null,
      notes: null,
      sourceAgency: r.caseManager,
      sourceSystem: system,
      externalId: ctx.externalId(r.caseManager, "RUJUKAN", requestedAt),
      contributedAt: requestedAt,
      contributedBy: serviceAccount(r.caseManager, system),
      updatedAt: last,
      version: status === "REQUESTED" ? 1 : status === "ACCEPTED" || status === "DECLINED" ? 2 : status === "IN_PROGRESS" ? 3 : 4,
    });
    if (status !== "DECLINED" && to.code) recipients.push(to.code);
  });
  return recipients;
}
