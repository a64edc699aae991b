// Agencies, tokens and helpers shared by the contribution tests.
import type { AgencyType } from "../../src/generated/prisma/client.ts";
import type { ContributionResultFieldsFragment } from "../generated/graphql";
import type { GqlResult, Granted, TestHub } from "../support/hub";

export interface Agency {
  code: string;
  name: string;
  agencyType: AgencyType;
  roles: string[];
  purpose: string;
  regionCode: string;
}

/** The agencies of the scenarios; the test DB has regions but no organizations. */
export const AGENCIES = {
  bp3mi: { code: "BP3MI-KALBAR", name: "BP3MI Kalimantan Barat", agencyType: "MIGRANT_WORKER_AGENCY", roles: ["bp3mi-officer"], purpose: "placement-protection", regionCode: "61.71" },
  polda: { code: "POLDA-KALBAR", name: "Polda Kalimantan Barat", agencyType: "POLICE", roles: ["police-investigator"], purpose: "investigation", regionCode: "61.71" },
  polres: { code: "POLRES-SANGGAU", name: "Polres Sanggau", agencyType: "POLICE", roles: ["police-investigator"], purpose: "investigation", regionCode: "61.03" },
  imigrasi: { code: "KANIM-ENTIKONG", name: "Kantor Imigrasi Entikong", agencyType: "IMMIGRATION", roles: ["immigration-officer"], purpose: "border-control", regionCode: "61.03" },
  dinsos: { code: "DINSOS-KALBAR", name: "Dinas Sosial Provinsi Kalimantan Barat", agencyType: "SOCIAL_SERVICES", roles: ["social-worker"], purpose: "victim-services", regionCode: "61.71" },
  ltsa: { code: "LTSA-PONTIANAK", name: "LTSA P2MI Pontianak", agencyType: "LTSA", roles: ["ltsa-officer"], purpose: "early-warning", regionCode: "61.71" },
} as const satisfies Record<string, Agency>;
export type AgencyKey = keyof typeof AGENCIES;

/** Registers the agencies' Organization rows directly (as an administrator would at onboarding). */
export async function registerAgencies(hub: TestHub, keys: readonly AgencyKey[] = Object.keys(AGENCIES) as AgencyKey[]): Promise<void> {
  for (const k of keys) {
    const a = AGENCIES[k];
    await hub.db.prisma.organization.create({
      data: {
        code: a.code,
        name: a.name,
        kind: "AGENCY",
        agencyType: a.agencyType,
        regionCode: a.regionCode,
        sourceAgency: "GUGUS-TUGAS-KALBAR",
        sourceSystem: "ONBOARDING",
        externalId: `agency:${a.code}`,
        contributedBy: "test-setup",
      },
    });
  }
}

export type Tokens = Record<AgencyKey, string>;

export async function agencyTokens(hub: TestHub): Promise<Tokens> {
  const out = {} as Tokens;
  for (const [k, a] of Object.entries(AGENCIES) as [AgencyKey, Agency][]) {
    out[k] = await hub.token({ agency: a.code, roles: a.roles, purpose: a.purpose, subject: `officer:${k}` });
  }
  return out;
}

/** Data of a response that must have no top-level errors. */
export function data<T>(r: GqlResult<T>): Granted<T> {
  if (r.status !== 200 || r.body.errors?.length || !r.body.data) {
    throw new Error(`unexpected response ${r.status}: ${JSON.stringify(r.body.errors ?? r.body)}`);
  }
  return r.body.data;
}

type Result = ContributionResultFieldsFragment;

/** Compact view of a result's errors for exact assertions: "path.joined:CODE". */
export const errorKeys = (r: Pick<Result, "errors">) => r.errors.map((e) => `${e.path.join(".")}:${e.code}`).sort();

/** Row counts of every contributed table, to prove that rejected records wrote nothing. */
export async function rowCounts(hub: TestHub): Promise<Record<string, number>> {
  const p = hub.db.prisma;
  const [person, statement, document, org, kase, assignment, participant, placement, crossing, repatriation, referral, proceeding, warning] = await Promise.all([
    p.person.count(),
    p.personStatement.count(),
    p.identityDocument.count(),
    p.organization.count(),
    p.case.count(),
    p.caseAssignment.count(),
    p.caseParticipant.count(),
    p.migrantPlacement.count(),
    p.borderCrossing.count(),
    p.repatriation.count(),
    p.serviceReferral.count(),
    p.legalProceeding.count(),
    p.earlyWarningReport.count(),
  ]);
  return { person, statement, document, org, kase, assignment, participant, placement, crossing, repatriation, referral, proceeding, warning };
}

/** Valid NIKs for the seeded regions (61.71 Kota Pontianak, 61.03 Sanggau, 63.71 Banjarmasin). */
export const NIK = {
  /** Woman born 12 May 1999, registered in Kota Pontianak. */
  sitiAminah: "6171015205990001",
  /** Man born 15 January 1990, registered in Sanggau. */
  budi: "6103011501900002",
  /** Woman born 3 August 2008, registered in Sanggau (a child in 2024). */
  dewi: "6103024308080003",
  /** Man born 1 December 1985, Banjarmasin. */
  rahmat: "6371030112850004",
};

let seq = 0;
/** Unique externalIds per test so tests in one file never collide. */
export const uid = (prefix: string) => `${prefix}-${++seq}-${Date.now().toString(36)}`;
