// A migrant's journey as the agencies around the border record it: the BP3MI placement
// (procedural or not), Imigrasi exit and entry crossings, and the repatriation.
import type { BorderPost, IdentityDocumentType, Industry } from "../generated/prisma/client.ts";
import { serviceAccount, type SeedContext } from "./context";
import type { OrgSeed } from "./organizations";
import { POST_NAME, POST_OFFICE } from "./profiles";
import { addDays, addMinutes, dayOf, officeTime, REFERENCE_DATE } from "./prng";

const LATEST = addDays(REFERENCE_DATE, -1);

/** Office time on `day`, never after the demo's reference date. */
export function recordedAt(ctx: SeedContext, day: Date): Date {
  return officeTime(ctx.rng, day.getTime() > LATEST.getTime() ? LATEST : day);
}

export function isBefore(day: Date | null | undefined, limit: Date = LATEST): day is Date {
  return day != null && day.getTime() <= limit.getTime();
}

export interface PlacementInput {
  workerId: string;
  caseId: string | null;
  province: "61" | "63";
  destination: string;
  city: string | null;
  procedural: boolean;
  p3mi: OrgSeed | null;
  employer: OrgSeed | null;
  jobTitle: string | null;
  industry: Industry | null;
  departureDate: Date;
  returnDate: Date | null;
  idPmi: string | null;
  /** When BP3MI learnt of it: before departure if procedural, afterwards otherwise. */
  recordedOn: Date;
}

/** Synthetic ID PMI (BP2MI migrant worker id) for a procedural placement. */
export function makeIdPmi(ctx: SeedContext, province: "61" | "63", departure: Date): string {
  return `PMI${province}${String(departure.getUTCFullYear() % 100).padStart(2, "0")}${String(ctx.seq("BP3MI", "ID-PMI")).padStart(7, "0")}`;
}

export function addPlacement(ctx: SeedContext, p: PlacementInput): void {
  const agency = p.province === "63" ? "BP3MI-KALSEL" : "BP3MI-KALBAR";
  const at = recordedAt(ctx, p.recordedOn);
  ctx.batch.migrantPlacements.push({
    id: ctx.id(),
    workerId: p.workerId,
    caseId: p.caseId,
    p3miId: p.p3mi?.id ?? null,
    employerId: p.employer?.id ?? null,
    destinationCountry: p.destination,
    destinationCity: p.city,
    jobTitle: p.jobTitle,
    industry: p.industry,
    procedural: p.procedural,
    idPmi: p.idPmi,
    departureDate: dayOf(p.departureDate),
    returnDate: p.returnDate ? dayOf(p.returnDate) : null,
    sourceAgency: agency,
    sourceSystem: "SISKOP2MI",
    externalId: ctx.externalId(agency, "PENEMPATAN", at),
    contributedAt: at,
    contributedBy: serviceAccount(agency, "SISKOP2MI"),
    updatedAt: at,
    version: 1,
  });
}

export interface CrossingInput {
  personId: string;
  caseId: string | null;
  direction: "EXIT" | "ENTRY";
  post: BorderPost;
  documentType: IdentityDocumentType | null;
  documentNumber: string | null;
  counterpartCountry: string;
  day: Date;
  deportation?: boolean;
}

/** Records a crossing if a Kalimantan immigration office covers the post; returns whether it did. */
export function addCrossing(ctx: SeedContext, c: CrossingInput): boolean {
  const office = POST_OFFICE[c.post];
  if (!office || !isBefore(c.day)) return false;
  const crossedAt = addMinutes(dayOf(c.day), ctx.rng.int(0, 24 * 60 - 1));
  const at = recordedAt(ctx, addDays(c.day, c.post === "INFORMAL_PATH" ? ctx.rng.int(7, 60) : 0));
  ctx.batch.borderCrossings.push({
    id: ctx.id(),
    personId: c.personId,
    caseId: c.caseId,
    direction: c.direction,
    post: c.post,
    postName: POST_NAME[c.post],
    documentType: c.documentType,
    documentNumber: c.documentNumber,
    counterpartCountry: c.counterpartCountry,
    crossedAt,
    deportation: c.deportation ?? false,
    sourceAgency: office,
    sourceSystem: "SIMKIM",
    externalId: ctx.externalId(office, "PERLINTASAN", at),
    contributedAt: at.getTime() < crossedAt.getTime() ? crossedAt : at,
    contributedBy: serviceAccount(office, "SIMKIM"),
    updatedAt: at.getTime() < crossedAt.getTime() ? crossedAt : at,
    version: 1,
  });
  return true;
}

/** Where returnees from a country arrive, by province. */
export function arrivalPosts(fromCountry: string, province: "61" | "63"): readonly (readonly [BorderPost, number])[] {
  if (province === "63") return [["AIRPORT_SYAMSUDIN_NOOR_BANJARMASIN", 100]];
  if (fromCountry === "MY" || fromCountry === "BN")
    return [["PLBN_ENTIKONG", 60], ["PLBN_ARUK", 15], ["PLBN_NANGA_BADAU", 10], ["PLBN_JAGOI_BABANG", 5], ["AIRPORT_SUPADIO_PONTIANAK", 10]];
  return [["AIRPORT_SUPADIO_PONTIANAK", 100]];
}

export interface RepatriationInput {
  personId: string;
  caseId: string | null;
  province: "61" | "63";
  fromCountry: string;
  arrivalPoint: BorderPost;
  arrivedAt: Date;
  receiving: OrgSeed | null;
}

export function addRepatriation(ctx: SeedContext, r: RepatriationInput): void {
  const agency = r.province === "63" ? "BP3MI-KALSEL" : "BP3MI-KALBAR";
  const at = recordedAt(ctx, addDays(r.arrivedAt, ctx.rng.int(0, 3)));
  ctx.batch.repatriations.push({
    id: ctx.id(),
    personId: r.personId,
    caseId: r.caseId,
    fromCountry: r.fromCountry,
    arrivalPoint: r.arrivalPoint,
    arrivedAt: dayOf(r.arrivedAt),
    receivingOrganizationId: r.receiving?.id ?? null,
    sourceAgency: agency,
    sourceSystem: "SISKOP2MI",
    externalId: ctx.externalId(agency, "PEMULANGAN", at),
    contributedAt: at,
    contributedBy: serviceAccount(agency, "SISKOP2MI"),
    updatedAt: at,
    version: 1,
  });
}

/** Who receives returnees: Dinas Sosial, a shelter, or BP3MI itself. */
export function receivingOrganization(ctx: SeedContext, province: "61" | "63"): OrgSeed {
  const code = ctx.rng.weighted(
    province === "63"
      ? ([["DINSOS-KALSEL", 50], ["SHELTER-RPTC-BANUA", 30], ["BP3MI-KALSEL", 20]] as const)
      : ([["DINSOS-KALBAR", 45], ["SHELTER-RPTC-KHATULISTIWA", 20], ["SHELTER-RUMAH-AMAN-ENTIKONG", 15], ["BP3MI-KALBAR", 20]] as const),
  );
  return ctx.orgs.get(code);
}
