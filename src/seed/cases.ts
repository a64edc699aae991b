// One synthetic TPPO case with everything around it: victims, suspects, witnesses and reporter
// (persons and participants), placements, crossings, repatriations, referrals, proceedings,
// assignments and the early warning that preceded it.
import type { IdentityDocumentType, TraffickingStatus } from "../generated/prisma/client.ts";
import { EXPLOITATION_TYPES, MODUS, MODUS_EXPLOITATION, RECRUITMENT_METHODS } from "../domain/vocabulary";
import { serviceAccount, type SeedContext } from "./context";
import { addWarning } from "./background";
import { BRIDES, controlMethods, JOB_TITLE, LABOUR, LAND_POSTS, ONLINE, recruitmentApps, ROLE_DETAILS, secondStatement, summary, transitCountries } from "./case-details";
import { addCrossing, addPlacement, makeIdPmi, addRepatriation, arrivalPosts, isBefore, receivingOrganization, recordedAt } from "./journeys";
import { addPerson, foreignIdentity, indonesianIdentity, nikDocument, passportDocument, pickDistrict, regencyName, type DocumentDraft, type StatementDraft } from "./people";
import { addAssignments, addLegalProceedings } from "./proceedings";
import { CITIES, departurePosts, PROFILES } from "./profiles";
import { addDays, ageOn, birthDateForAge, randomDay, utcDate } from "./prng";
import { addReferrals, victimNeeds } from "./referrals";
import { DISTRICTS } from "./regions";

const FIRST_IDENTIFIED = utcDate(2022, 1, 1);
const LAST_IDENTIFIED = utcDate(2026, 10, 25); // a week before REFERENCE_DATE: the newest cases are just reported
const PLBN_DISTRICTS = new Set(DISTRICTS.map((d) => d.code));

/** Relative modus frequency per province, from the profiles. */
const MODUS_WEIGHTS = {
  "61": MODUS.map((m) => [m, PROFILES[m].weight["61"]] as const),
  "63": MODUS.map((m) => [m, PROFILES[m].weight["63"]] as const),
};

/** Recruiters seen recently, per province: networks recruit again, so some suspects recur. */
export type SuspectPool = Map<string, { personId: string; name: string }[]>;

export function addCase(ctx: SeedContext, caseNo: number, pool: SuspectPool): void {
  const rng = ctx.rng;
  const province: "61" | "63" = rng.chance(0.85) ? "61" : "63";
  const police = province === "63" ? "POLDA-KALSEL" : "POLDA-KALBAR";
  const modus = rng.weighted(MODUS_WEIGHTS[province]);
  const p = PROFILES[modus];
  const destination = rng.weighted(p.destinations);
  const city = rng.pick(CITIES[destination]!);
  const abroad = destination !== "ID";
  const caseId = ctx.id();
  const identifiedAt = randomDay(rng, FIRST_IDENTIFIED, LAST_IDENTIFIED);
  const originDistrict = pickDistrict(rng, province);
  const intercepted = abroad && rng.chance(destination === "MY" || destination === "BN" ? 0.2 : 0.08);
  const post = rng.weighted(departurePosts(destination, province));
  const transit = transitCountries(rng, destination, post);
  const startedAt = intercepted ? null : addDays(identifiedAt, -rng.int(30, BRIDES.has(modus) ? 900 : 540));
  const endedAt = startedAt ? addDays(identifiedAt, -rng.int(0, Math.min(21, Math.round((identifiedAt.getTime() - startedAt.getTime()) / 864e5)))) : null;
  const departure = startedAt ? addDays(startedAt, -rng.int(1, 10)) : identifiedAt;
  const caseAt = recordedAt(ctx, addDays(identifiedAt, rng.int(0, 10)));
  const primary = rng.weighted(p.recruitment);
  const secondary = rng.chance(0.25) ? rng.weighted(p.recruitment) : primary;
  const recruitmentMethods = RECRUITMENT_METHODS.filter((m) => m === primary || m === secondary);
  const online = recruitmentMethods.some((m) => ONLINE.has(m));
  const apps = recruitmentApps(rng, modus, online);

  // ---- victims: persons first (the case manager depends on who they are)
  const nVictims = rng.weighted(p.victims);
  const victims: { personId: string; name: string; age: number; female: boolean; travelDoc: DocumentDraft | null; district: string; status: TraffickingStatus }[] = [];
  for (let v = 0; v < nVictims; v++) {
    const female = rng.chance(p.female);
    const child = rng.chance(p.age.child);
    const on = startedAt ?? identifiedAt;
    const birthDate = birthDateForAge(rng, child ? rng.int(14, 17) : rng.int(Math.max(18, p.age.min), p.age.max), on);
    const district = rng.chance(0.7) ? originDistrict : pickDistrict(rng, province);
    const identity = indonesianIdentity(ctx, {
      sex: female ? "Feminine" : "Masculine",
      birthDate,
      districtCode: district,
      group: BRIDES.has(modus) && province === "61" && rng.chance(0.5) ? "CHINESE_INDONESIAN" : undefined,
      withNik: rng.chance(0.95),
    });
    let travelDoc: DocumentDraft | null = null;
    if (abroad && post !== "INFORMAL_PATH" && (!intercepted || rng.chance(0.5))) {
      travelDoc = LAND_POSTS.has(post) && PLBN_DISTRICTS.has(district) && rng.chance(0.5)
        ? { type: "PLB", number: `PLB${String(ctx.seq("IMIGRASI", "PLB")).padStart(7, "0")}` }
        : passportDocument(ctx);
    }
    const drafts: StatementDraft[] = [
      { agency: police, system: "EMP", at: caseAt, identity, documents: [...nikDocument(identity), ...(travelDoc ? [travelDoc] : [])] },
    ];
    // Five persons per scale unit are known to a second agency that recorded them differently.
    if (caseNo % 12 === 5 && v === 0) drafts.push(secondStatement(ctx, { modus, province, identity, travelDoc, departure, caseAt }));
    const { personId } = addPerson(ctx, drafts);
    const status: TraffickingStatus = intercepted
      ? rng.weighted([["PossibleVictimOfTrafficking", 80], ["NotAVictimOfTrafficking", 20]] as const)
      : modus === "ILLEGAL_MIGRANT_WORKER_DISPATCH"
        ? rng.weighted([["ActualVictimOfTrafficking", 40], ["PossibleVictimOfTrafficking", 40], ["NotAVictimOfTrafficking", 20]] as const)
        : rng.weighted([["ActualVictimOfTrafficking", 72], ["PossibleVictimOfTrafficking", 25], ["NotAVictimOfTrafficking", 3]] as const);
    victims.push({ personId, name: identity.fullName, age: ageOn(birthDate, on), female, travelDoc, district, status });
  }
  const children = victims.filter((v) => v.age < 18).length;
  const sexual = modus === "SHOP_KEEPER";
  const caseManager = children > 0 || sexual || BRIDES.has(modus) ? `DP3A-${province === "63" ? "KALSEL" : "KALBAR"}` : `DINSOS-${province === "63" ? "KALSEL" : "KALBAR"}`;
  const exploitation = EXPLOITATION_TYPES.filter(
    (t) =>
      t === MODUS_EXPLOITATION[modus][0] ||
      (MODUS_EXPLOITATION[modus].includes(t) && rng.chance(0.6)) ||
      (t === "ChildLabour" && children > 0 && LABOUR.has(modus)),
  );
  const industry = exploitation.includes("ForcedLabour") || exploitation.includes("Servitude") ? rng.weighted(p.industry) : null;

  // ---- suspects, witnesses, reporter
  const victimParts: ParticipantDraft[] = [];
  const participants: ParticipantDraft[] = [];
  const inCase = new Set<string>();
  const suspects: { name: string; p3mi: boolean }[] = [];
  const nSuspects = rng.weighted([[1, 50], [2, 35], [3, 15]] as const);
  const recruiters = pool.get(province) ?? [];
  for (let s = 0; s < nSuspects; s++) {
    const roles = [...(s === 0 ? p.suspectRoles[0]! : rng.pick(p.suspectRoles))];
    const recruiter = roles.includes("RecruiterOrIntermediary");
    let personId: string;
    let name: string;
    const candidates = recruiter ? recruiters.filter((r) => !inCase.has(r.personId)) : [];
    const reuse = candidates.length > 0 && rng.chance(0.15) ? rng.pick(candidates) : null;
    if (reuse) {
      ({ personId, name } = reuse);
    } else {
      const foreign = abroad && (roles.includes("Exploiter") || roles.includes("BoughtIndividual")) && rng.chance(0.6);
      const female = rng.chance(BRIDES.has(modus) && recruiter ? 0.6 : 0.3);
      const birthDate = birthDateForAge(rng, rng.int(25, 60), identifiedAt);
      const identity = foreign
        ? foreignIdentity(ctx, { sex: female ? "Feminine" : "Masculine", birthDate, country: destination })
        : indonesianIdentity(ctx, { sex: female ? "Feminine" : "Masculine", birthDate, districtCode: rng.chance(0.5) ? originDistrict : pickDistrict(rng, province), withNik: rng.chance(0.85) });
      const docs = foreign ? (rng.chance(0.4) ? [passportDocument(ctx, destination)] : []) : nikDocument(identity);
      ({ personId } = addPerson(ctx, [{ agency: police, system: "EMP", at: caseAt, identity, documents: docs }]));
      name = identity.fullName;
      if (recruiter && !foreign) recruiters.push({ personId, name });
    }
    const org = roles.includes("P3miCompany")
      ? ctx.orgs.pickP3mi(rng, true)
      : roles.includes("Exploiter") && LABOUR.has(modus) && rng.chance(0.3)
        ? ctx.orgs.employerIn(rng, destination)
        : null;
    inCase.add(personId);
    suspects.push({ name, p3mi: roles.includes("P3miCompany") });
    participants.push({ personId, role: "SUSPECT", suspectRoles: roles, suspectOrganizationId: org?.id ?? null, roleDetails: ROLE_DETAILS[roles[0]!] ?? null });
  }
  pool.set(province, recruiters.slice(-50));
  const nWitnesses = rng.weighted([[0, 30], [1, 45], [2, 25]] as const);
  for (let w = 0; w < nWitnesses; w++) {
    const female = rng.chance(0.5);
    const identity = indonesianIdentity(ctx, { sex: female ? "Feminine" : "Masculine", birthDate: birthDateForAge(rng, rng.int(18, 65), identifiedAt), districtCode: pickDistrict(rng, province) });
    const { personId } = addPerson(ctx, [{ agency: police, system: "EMP", at: caseAt, identity, documents: nikDocument(identity) }]);
    participants.push({ personId, role: "WITNESS" });
  }
  if (rng.chance(0.7)) {
    const identity = indonesianIdentity(ctx, { sex: rng.chance(0.55) ? "Feminine" : "Masculine", birthDate: birthDateForAge(rng, rng.int(35, 65), identifiedAt), districtCode: victims[0]!.district });
    const { personId } = addPerson(ctx, [{ agency: police, system: "EMP", at: caseAt, identity, documents: nikDocument(identity) }]);
    participants.push({ personId, role: "REPORTER", roleDetails: rng.pick(["Orang tua korban", "Saudara kandung korban", "Suami/istri korban", "Tetangga korban"]) });
  }

  // ---- per victim: journey, needs, referrals, consent
  const bp3miProcedural = rng.chance(p.procedural);
  for (const v of victims) {
    let repatriated: Date | null = null;
    if (abroad && !intercepted && endedAt && rng.chance(0.8)) {
      const arrived = addDays(endedAt, rng.int(2, 60));
      if (isBefore(arrived)) {
        repatriated = arrived;
        const arrivalPoint = rng.weighted(arrivalPosts(destination, province));
        const deported = (destination === "MY" || destination === "BN") && !bp3miProcedural && rng.chance(0.6);
        addRepatriation(ctx, { personId: v.personId, caseId, province, fromCountry: destination, arrivalPoint, arrivedAt: arrived, receiving: receivingOrganization(ctx, province) });
        addCrossing(ctx, {
          personId: v.personId, caseId, direction: "ENTRY", post: arrivalPoint,
          documentType: deported || !v.travelDoc ? "SPLP" : v.travelDoc.type, documentNumber: deported || !v.travelDoc ? null : v.travelDoc.number,
          counterpartCountry: LAND_POSTS.has(arrivalPoint) ? "MY" : destination, day: arrived, deportation: deported,
        });
      }
    }
    if (abroad && !intercepted && rng.chance(post === "INFORMAL_PATH" ? 0.25 : 0.9)) {
      addCrossing(ctx, {
        personId: v.personId, caseId, direction: "EXIT", post, documentType: (v.travelDoc?.type as IdentityDocumentType | undefined) ?? null,
        documentNumber: v.travelDoc?.number ?? null, counterpartCountry: transit[0] ?? destination, day: departure,
      });
    }
    if (abroad && !intercepted && rng.chance(p.placement)) {
      const procedural = bp3miProcedural && v.travelDoc?.type === "PASSPORT";
      addPlacement(ctx, {
        workerId: v.personId, caseId, province, destination, city, procedural,
        p3mi: procedural ? ctx.orgs.pickP3mi(rng, rng.chance(0.5)) : rng.chance(0.3) ? ctx.orgs.pickP3mi(rng, true) : null,
        employer: procedural || rng.chance(0.4) ? ctx.orgs.employerIn(rng, destination) : null,
        jobTitle: JOB_TITLE[modus] ?? null, industry, departureDate: departure, returnDate: repatriated,
        idPmi: procedural ? makeIdPmi(ctx, province, departure) : null,
        recordedOn: procedural ? addDays(departure, -rng.int(10, 40)) : addDays(repatriated ?? identifiedAt, rng.int(1, 20)),
      });
    }
    const needs = victimNeeds(ctx, {
      notAVictim: v.status === "NotAVictimOfTrafficking", child: v.age < 18, sexual, repatriated: repatriated !== null, actual: v.status === "ActualVictimOfTrafficking",
    });
    const recipients = addReferrals(ctx, { personId: v.personId, caseId, province, firstFrom: police, caseManager, needs, from: caseAt });
    const consent = new Set<string>([police]);
    if (rng.chance(0.9)) consent.add(caseManager);
    for (const r of recipients) if (rng.chance(0.9)) consent.add(r);
    victimParts.push({
      personId: v.personId, role: "VICTIM", traffickingStatus: v.status, ageAtExploitation: v.age, isChild: v.age < 18, needs,
      relationshipToTrafficker: primary === "ThroughFamilyOrFamilyEvents" ? "Familial" : online ? rng.weighted([["Unaquainted", 70], ["Acquainted", 30]] as const) : "Acquainted",
      consentAgencies: [...consent].sort(),
    });
  }

  // ---- procedure, case row, assignments, warning
  const regencyCode = originDistrict.slice(0, 5);
  const legal = addLegalProceedings(ctx, { caseId, province, modus, identifiedAt, regencyCode, suspects });
  addAssignments(ctx, { caseId, province, caseManager, managedFrom: addDays(caseAt, rng.int(1, 10)) }, legal);
  for (const part of [...victimParts, ...participants]) ctx.batch.caseParticipants.push(participantRow(ctx, part, { caseId, police, at: caseAt }));
  const lastChange = recordedAt(ctx, legal.lastChange);
  const recruitmentRegion = province === "61" ? rng.weighted([[originDistrict, 60], ["61.03.21", 25], ["61.71.03", 15]] as const) : rng.weighted([[originDistrict, 75], ["63.71.04", 25]] as const);
  ctx.batch.cases.push({
    id: caseId,
    title: `${p.label} — ${regencyName(originDistrict)} ${identifiedAt.getUTCFullYear()}`,
    status: legal.status,
    modus: MODUS.filter((m) => m === modus || (m === "ONLINE_RECRUITMENT" && online && rng.chance(0.3))),
    exploitationTypes: exploitation,
    sexExploitationTypes: sexual ? (rng.chance(0.25) ? ["Prostitution", "PrivateSexualServices"] : ["Prostitution"]) : [],
    forcedLabourIndustry: industry,
    recruitmentMethods,
    controlMethods: controlMethods(rng, p.control),
    recruitmentApps: apps,
    originRegionCode: rng.chance(0.8) ? originDistrict : regencyCode,
    recruitmentRegionCode: recruitmentRegion,
    transitCountries: transit,
    transitBorderPost: abroad ? post : null,
    destinationCountry: destination,
    destinationCity: city,
    identifiedAt,
    exploitationStartedAt: startedAt,
    exploitationEndedAt: endedAt,
    closedAt: legal.closedAt,
    closureReason: legal.closureReason,
    summary: summary(rng, { modus, victims, children, destination, city, apps, post, intercepted }),
    sourceAgency: police,
    sourceSystem: "EMP",
    externalId: ctx.externalId(police, "KASUS", caseAt),
    contributedAt: caseAt,
    contributedBy: serviceAccount(police, "EMP"),
    updatedAt: lastChange.getTime() > caseAt.getTime() ? lastChange : caseAt,
    version: legal.status === "Active" ? 1 : 2,
  });
  const warnChance = province === "61" && (modus === "SHOP_KEEPER" || modus === "ILLEGAL_MIGRANT_WORKER_DISPATCH" || intercepted) ? 0.4 : 0.12;
  if (rng.chance(warnChance)) {
    addWarning(ctx, { caseId, province, regionCode: victims[0]!.district, reportedOn: addDays(identifiedAt, -rng.int(1, 45)), modus, status: "ESCALATED" });
  }
}

interface ParticipantDraft {
  personId: string;
  role: "VICTIM" | "SUSPECT" | "WITNESS" | "REPORTER";
  traffickingStatus?: TraffickingStatus;
  ageAtExploitation?: number;
  isChild?: boolean;
  needs?: string[];
  relationshipToTrafficker?: "Familial" | "Acquainted" | "Unaquainted";
  consentAgencies?: string[];
  suspectRoles?: string[];
  suspectOrganizationId?: string | null;
  roleDetails?: string | null;
}

function participantRow(ctx: SeedContext, d: ParticipantDraft, c: { caseId: string; police: string; at: Date }) {
  return {
    id: ctx.id(),
    caseId: c.caseId,
    personId: d.personId,
    role: d.role,
    traffickingStatus: d.traffickingStatus ?? null,
    ageAtExploitation: d.ageAtExploitation ?? null,
    isChild: d.isChild ?? false,
    needs: d.needs ?? [],
    relationshipToTrafficker: d.relationshipToTrafficker ?? null,
    consentAgencies: d.consentAgencies ?? [],
    suspectRoles: d.suspectRoles ?? [],
    suspectOrganizationId: d.suspectOrganizationId ?? null,
    roleDetails: d.roleDetails ?? null,
    sourceAgency: c.police,
    sourceSystem: "EMP",
    externalId: ctx.externalId(c.police, "PERAN", c.at),
    contributedAt: c.at,
    contributedBy: serviceAccount(c.police, "EMP"),
    updatedAt: c.at,
    version: 1,
  };
}

