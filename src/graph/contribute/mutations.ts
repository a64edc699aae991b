// Contribution mutations: one upsert per record type and a mixed batch. The caller's agency and
// subject come from the verified token (ctx.principal) only; the domain work is in src/contribute/.
import { contributeBatch, contributeRecord, MAX_BATCH, type RecordResult, type RecordType } from "../../contribute";
import { contributeOptions, markDryRun } from "../../contribute/for-request";
import { DEFAULT_MAX_RECORDS_PER_REQUEST } from "../../contribute/request-limit";
import { HubError } from "../../errors";
import { rowScope, type ScopedType } from "../../policy/row-scope";
import { builder } from "../builder";
import {
  BorderCrossingInput,
  CaseInput,
  CaseParticipantInput,
  ContributionInput,
  EarlyWarningReportInput,
  LegalProceedingInput,
  MigrantPlacementInput,
  OrganizationInput,
  PersonInput,
  RepatriationInput,
  ServiceReferralInput,
} from "./inputs";
import { ContributionResultRef } from "./results";

const options = contributeOptions;

interface Single {
  type: RecordType;
  input: unknown;
  description: string;
}

const SINGLE: Single[] = [
  {
    type: "Person",
    input: PersonInput,
    description:
      "Contribute what your agency knows about a person (your statement). The hub merges it into the Person holding the same NIK or passport, or creates one; `record` is that Person with its resolved values.",
  },
  { type: "Organization", input: OrganizationInput, description: "Contribute an organization (your own agency with its code, P3MI companies, employers, NGOs, shelters)." },
  { type: "Case", input: CaseInput, description: "Contribute a TPPO case, including the organizations it is assigned to." },
  { type: "CaseParticipant", input: CaseParticipantInput, description: "Contribute a person's role in a case (victim, suspect, witness, reporter)." },
  { type: "MigrantPlacement", input: MigrantPlacementInput, description: "Contribute a migrant worker placement (BP3MI)." },
  { type: "BorderCrossing", input: BorderCrossingInput, description: "Contribute a border crossing or deportation (Imigrasi)." },
  { type: "Repatriation", input: RepatriationInput, description: "Contribute a repatriation from abroad." },
  { type: "ServiceReferral", input: ServiceReferralInput, description: "Contribute a service referral (Dinas Sosial, DP3A, health, legal aid)." },
  { type: "LegalProceeding", input: LegalProceedingInput, description: "Contribute a stage of a criminal proceeding in a case." },
  { type: "EarlyWarningReport", input: EarlyWarningReportInput, description: "Contribute an early-warning report (LTSA desk, community, NGO)." },
];

const UPSERT =
  " Upsert keyed by (your agency, externalId): CREATED, UPDATED (version + 1), UNCHANGED (nothing written) or REJECTED (nothing written; see result.errors). You can only ever change your own agency's records; other agencies' records are linked by reference, never changed.";

builder.mutationType({
  description:
    "Contribute records to the shared TPPO model. Every record carries provenance: your agency and token subject (from your token), your sourceSystem and externalId, time and version.",
});

for (const s of SINGLE) {
  const delegateName = s.type.charAt(0).toLowerCase() + s.type.slice(1);
  const Payload = builder.objectRef<{ result: RecordResult }>(`Contribute${s.type}Payload`).implement({
    description: `Outcome of contribute${s.type}.`,
    fields: (t) => ({
      result: t.field({ type: ContributionResultRef, nullable: false, description: "What happened to the record.", resolve: (p) => p.result }),
      record: t.prismaField({
        type: s.type as "Case",
        nullable: true,
        description: `The stored ${s.type} as the hub now holds it (subject to your access policy); null when rejected.`,
        resolve: (query, p, _args, ctx) =>
          p.result.id
            ? (ctx.db.prisma as unknown as Record<string, { findFirst(a: unknown): Promise<never> }>)[delegateName]!.findFirst({
                ...query,
                where: { AND: [{ id: p.result.id }, rowScope(ctx, s.type as ScopedType)] },
              })
            : null,
      }),
    }),
  });
  builder.mutationField(`contribute${s.type}`, (t) =>
    t.field({
      type: Payload,
      nullable: false,
      description: s.description + UPSERT,
      args: { input: t.arg({ type: s.input as typeof CaseInput, required: true, description: "The record." }) },
      resolve: async (_root, args, ctx) => ({ result: await contributeRecord(options(ctx), s.type, args.input) }),
    }),
  );
}

builder.mutationField("contribute", (t) =>
  t.field({
    type: [ContributionResultRef],
    nullable: false,
    description: `Contribute several records of any types in one request: at most the hub's CONTRIBUTE_MAX_RECORDS (default ${DEFAULT_MAX_RECORDS_PER_REQUEST}, never more than ${MAX_BATCH}) over all contributions of the request. Records are decided in order: a later record can reference one created earlier in the batch, and a REJECTED record writes nothing and does not affect the others. A resend whose records are all UNCHANGED writes nothing. Answers one ContributionResult per record, in order. More records: BAD_USER_INPUT before anything is written. Each record needs the same permission as its single-record mutation (NOT_PERMITTED otherwise).`,
    args: {
      records: t.arg({ type: [ContributionInput], required: true, description: `The records, at most CONTRIBUTE_MAX_RECORDS (default ${DEFAULT_MAX_RECORDS_PER_REQUEST}); each sets exactly one field.` }),
      dryRun: t.arg.boolean({
        required: false,
        description:
          "true: decide every record exactly as a real run would (validation, references to earlier records of the batch, CREATED/UPDATED/UNCHANGED/REJECTED) and store nothing: the batch's transaction is rolled back, `id` and `version` are those the run would have produced. Each decision is still audited (a dry run tells whether referenced records exist), under the operation name followed by \" (dry run)\". Default false.",
      }),
    },
    resolve: async (_root, args, ctx) => {
      if (args.records.length > MAX_BATCH) {
        throw new HubError("BAD_USER_INPUT", `A batch holds at most ${MAX_BATCH} records; this one has ${args.records.length}. Nothing was written: split it and resend.`);
      }
      if (args.dryRun) markDryRun(ctx, "contribute");
      return contributeBatch({ ...options(ctx), dryRun: args.dryRun ?? false }, args.records);
    },
  }),
);
