// Three persons an LTSA desk officer can look up in the demo, one per verdict the desk gives
// (web/desk/verdict.ts): a legal placement through a licensed P3MI, a placement through a P3MI
// whose licence was revoked, and a domestic worker sent to Saudi Arabia under the moratorium
// (src/domain/placement-rules.ts). Fixed values, no random draws, so their documents can be
// written down in the README, docs/desk.md and test/web/desk.test.ts. Synthetic people.
//
// Their NIKs use serial 9001-9003 and their passports the letter A, which the demo's generators
// never hand out (nik.ts counts serials up from 0001; passportNumber uses B, C, E and X).
import { serviceAccount, type SeedContext } from "./context";
import { addPlacement, recordedAt } from "./journeys";
import type { OrgSeed } from "./organizations";
import { addPerson, type Identity } from "./people";
import { utcDate } from "./prng";

export interface DeskSituation {
  key: "legal" | "revokedP3mi" | "moratorium";
  nik: string;
  passport: string;
  fullName: string;
  /** The verdict the desk gives this person with the demo's LTSA token. */
  verdict: "AMAN" | "PERLU_DICEK" | "BERISIKO";
}

/** The documents to type at the desk. Kept equal to the records below by test/seed/desk-situations.test.ts. */
export const DESK_SITUATIONS: readonly DeskSituation[] = [
  { key: "legal", nik: "6103211405969001", passport: "A9100001", fullName: "Yohanes Liang Sebastian", verdict: "AMAN" },
  { key: "revokedP3mi", nik: "6101094302999002", passport: "A9100002", fullName: "Rosalina Dewi Anggraini", verdict: "BERISIKO" },
  { key: "moratorium", nik: "6106146108949003", passport: "A9100003", fullName: "Nurhayati binti Sulaiman", verdict: "BERISIKO" },
];

function p3miByExternalId(ctx: SeedContext, externalId: string): OrgSeed {
  const o = ctx.orgs.all.find((x) => x.kind === "P3MI" && x.externalId === externalId);
  if (!o) throw new Error(`demo P3MI ${externalId} missing`);
  return o;
}

function identity(s: DeskSituation, sex: "Feminine" | "Masculine", birthDate: Date, districtCode: string): Identity {
  return {
    fullName: s.fullName, aliases: [], sex, birthDate, nationality: ["ID"], districtCode,
    originRegionCode: districtCode, nik: s.nik, phone: null, email: null, address: null,
  };
}

/** Adds the three persons, their placements, an earlier warning and a referral to the batch. */
export function addDeskSituations(ctx: SeedContext): void {
  const [legal, revoked, moratorium] = DESK_SITUATIONS as [DeskSituation, DeskSituation, DeskSituation];
  // organizations.ts guarantees P3MI/0001 ACTIVE, P3MI/0002 SUSPENDED, P3MI/0003 REVOKED at every scale.
  const licensed = p3miByExternalId(ctx, "P3MI/0001");
  const revokedP3mi = p3miByExternalId(ctx, "P3MI/0003");
  const employerIn = (country: string) => ctx.orgs.employersByCountry.get(country)?.[0] ?? null;
  const bp3mi = "BP3MI-KALBAR";

  // 1. Entikong: factory job in Kuching through a licensed P3MI, registered (ID PMI): Aman.
  const registered1 = recordedAt(ctx, utcDate(2025, 8, 4));
  const p1 = addPerson(ctx, [{
    agency: bp3mi, system: "SISKOP2MI", at: registered1, identity: identity(legal, "Masculine", utcDate(1996, 5, 14), "61.03.21"),
    documents: [{ type: "NIK", number: legal.nik }, { type: "PASSPORT", number: legal.passport }, { type: "ID_PMI", number: "PMI61259100001" }],
  }]);
  addPlacement(ctx, {
    workerId: p1.personId, caseId: null, province: "61", destination: "MY", city: "Kuching", procedural: true, p3mi: licensed,
    employer: employerIn("MY"), jobTitle: "Operator produksi", industry: "C_Manufacturing", departureDate: utcDate(2025, 9, 15),
    returnDate: null, idPmi: "PMI61259100001", recordedOn: utcDate(2025, 8, 4),
  });

  // 2. Sajingan Besar (Aruk): plantation job in Sarawak through a P3MI whose SIP3MI was revoked: Berisiko.
  const registered2 = recordedAt(ctx, utcDate(2026, 6, 2));
  const p2 = addPerson(ctx, [{
    agency: bp3mi, system: "SISKOP2MI", at: registered2, identity: identity(revoked, "Feminine", utcDate(1999, 2, 3), "61.01.09"),
    documents: [{ type: "NIK", number: revoked.nik }, { type: "PASSPORT", number: revoked.passport }, { type: "ID_PMI", number: "PMI61269100002" }],
  }]);
  addPlacement(ctx, {
    workerId: p2.personId, caseId: null, province: "61", destination: "MY", city: "Sibu", procedural: true, p3mi: revokedP3mi,
    employer: employerIn("MY"), jobTitle: "Pekerja ladang kelapa sawit", industry: "A_AgricultureForestryAndFishing",
    departureDate: utcDate(2026, 7, 20), returnDate: null, idPmi: "PMI61269100002", recordedOn: utcDate(2026, 6, 2),
  });

  // 3. Badau: domestic worker with a household in Riyadh, left on a visit visa without placement
  // procedure (BP3MI learnt of it afterwards): closed destination and not registered: Berisiko.
  const p3 = addPerson(ctx, [{
    agency: bp3mi, system: "SISKOP2MI", at: recordedAt(ctx, utcDate(2026, 9, 8)),
    identity: identity(moratorium, "Feminine", utcDate(1994, 8, 21), "61.06.14"),
    documents: [{ type: "NIK", number: moratorium.nik }, { type: "PASSPORT", number: moratorium.passport }],
  }]);
  addPlacement(ctx, {
    workerId: p3.personId, caseId: null, province: "61", destination: "SA", city: "Riyadh", procedural: false, p3mi: null,
    employer: employerIn("SA"), jobTitle: "Penata laksana rumah tangga", industry: "T_ActivitiesOfHouseholdsAsEmployers",
    departureDate: utcDate(2026, 3, 2), returnDate: null, idPmi: null, recordedOn: utcDate(2026, 9, 8),
  });

  // An earlier warning from the Entikong desk about recruitment for Saudi households in her
  // kecamatan (warnings name regions and recruiters, not persons: the desk matches by region).
  const reportedAt = recordedAt(ctx, utcDate(2026, 2, 10));
  const ltsa = "LTSA-ENTIKONG";
  ctx.batch.earlyWarningReports.push({
    id: ctx.id(), source: "LTSA", regionCode: "61.06.14", status: "ESCALATED", reportedAt,
    description: "Sponsor menawarkan kerja sebagai asisten rumah tangga di Arab Saudi kepada beberapa perempuan di Badau; berangkat dengan visa kunjungan. [Data sintetis]",
    suspectedRecruiter: 'Sdr. H. (sponsor) "Umrah sambil kerja"', caseId: null,
    sourceAgency: ltsa, sourceSystem: "LTSA-DESK", externalId: ctx.externalId(ltsa, "PERINGATAN", reportedAt),
    contributedAt: reportedAt, contributedBy: serviceAccount(ltsa, "LTSA-DESK"), updatedAt: recordedAt(ctx, utcDate(2026, 2, 16)), version: 2,
  });

  // The Entikong desk referred her to the border shelter when her family came asking: a referral to follow.
  const requestedAt = recordedAt(ctx, utcDate(2026, 10, 5));
  const acceptedAt = recordedAt(ctx, utcDate(2026, 10, 7));
  ctx.batch.serviceReferrals.push({
    id: ctx.id(), personId: p3.personId, caseId: null, fromOrganizationId: ctx.orgs.get(ltsa).id,
    toOrganizationId: ctx.orgs.get("SHELTER-RUMAH-AMAN-ENTIKONG").id, serviceType: "SHELTER", status: "ACCEPTED",
    requestedAt, acceptedAt, startedAt: null, completedAt: null, declinedAt: null, declineReason: null, notes: null,
    sourceAgency: ltsa, sourceSystem: "LTSA-DESK", externalId: ctx.externalId(ltsa, "RUJUKAN", requestedAt),
    contributedAt: requestedAt, contributedBy: serviceAccount(ltsa, "LTSA-DESK"), updatedAt: acceptedAt, version: 2,
  });
}
