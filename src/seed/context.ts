// State shared by the demo generators: random streams, lookups, counters, and the batch of rows
// being built before it is written.
import type { Prisma } from "../generated/prisma/client.ts";
import { NikAllocator } from "./nik";
import type { OrgIndex } from "./organizations";
import { Rng } from "./prng";
import { DEMO_PROVINCES, districtsIn } from "./regions";

export interface Batch {
  persons: Prisma.PersonCreateManyInput[];
  personStatements: Prisma.PersonStatementCreateManyInput[];
  identityDocuments: Prisma.IdentityDocumentCreateManyInput[];
  cases: Prisma.CaseCreateManyInput[];
  caseParticipants: Prisma.CaseParticipantCreateManyInput[];
  caseAssignments: Prisma.CaseAssignmentCreateManyInput[];
  migrantPlacements: Prisma.MigrantPlacementCreateManyInput[];
  borderCrossings: Prisma.BorderCrossingCreateManyInput[];
  repatriations: Prisma.RepatriationCreateManyInput[];
  serviceReferrals: Prisma.ServiceReferralCreateManyInput[];
  legalProceedings: Prisma.LegalProceedingCreateManyInput[];
  earlyWarningReports: Prisma.EarlyWarningReportCreateManyInput[];
}

/** Foreign keys point backwards in this order, so writing in it never breaks a constraint. */
export const WRITE_ORDER = [
  "persons",
  "personStatements",
  "identityDocuments",
  "cases",
  "caseParticipants",
  "caseAssignments",
  "migrantPlacements",
  "borderCrossings",
  "repatriations",
  "serviceReferrals",
  "legalProceedings",
  "earlyWarningReports",
] as const satisfies readonly (keyof Batch)[];

export function emptyBatch(): Batch {
  return Object.fromEntries(WRITE_ORDER.map((k) => [k, []])) as unknown as Batch;
}

export function batchSize(b: Batch): number {
  return WRITE_ORDER.reduce((n, k) => n + b[k].length, 0);
}

export class SeedContext {
  /** Attribute values. */
  readonly rng: Rng;
  /** Record ids: a separate stream, so ids do not shift when attribute logic draws more numbers. */
  readonly ids: Rng;
  readonly nik = new NikAllocator(DEMO_PROVINCES.flatMap((p) => districtsIn(p).map((d) => d.code)));
  private passports = 0;
  private readonly seqs = new Map<string, number>();
  batch: Batch = emptyBatch();

  constructor(
    seed: string,
    readonly orgs: OrgIndex,
  ) {
    this.rng = new Rng(`${seed}/values`);
    this.ids = new Rng(`${seed}/ids`);
  }

  id(): string {
    return this.ids.uuid();
  }

  /** Next number in a per-(agency, record kind) sequence, for externalIds that never repeat. */
  seq(agency: string, kind: string): number {
    const key = `${agency}|${kind}`;
    const n = (this.seqs.get(key) ?? 0) + 1;
    this.seqs.set(key, n);
    return n;
  }

  /** `<KIND>/<yyyy>/<nnnnnn>`: an agency system's record number, unique per agency and kind. */
  externalId(agency: string, kind: string, at: Date): string {
    return `${kind}/${at.getUTCFullYear()}/${String(this.seq(agency, kind)).padStart(6, "0")}`;
  }

  nextPassportCounter(): number {
    return this.passports++;
  }
}

/** Service account an agency system contributes with (provenance `contributedBy`). */
export function serviceAccount(agency: string, system: string): string {
  return `svc-${system.toLowerCase()}@${agency.toLowerCase()}`;
}
