// What every contribution answers: one ContributionResult per record, with field errors.
import { CONTRIBUTION_STATUSES, FIELD_ERROR_CODES, RECORD_TYPES, type FieldError, type RecordResult } from "../../contribute";
import { builder } from "../builder";

const STATUS_HELP: Record<(typeof CONTRIBUTION_STATUSES)[number], string> = {
  CREATED: "The record was new for your agency and is now stored at version 1.",
  UPDATED: "Your agency's record with this externalId changed; stored with version + 1.",
  UNCHANGED: "Your agency's record already held exactly these values; nothing was written, version and updatedAt are unchanged.",
  REJECTED: "Nothing was written for this record; see errors. Other records of the same batch are not affected.",
};

export const ContributionStatusEnum = builder.enumType("ContributionStatus", {
  description: "Outcome of contributing one record.",
  values: Object.fromEntries(CONTRIBUTION_STATUSES.map((s) => [s, { description: STATUS_HELP[s] }])) as Record<
    (typeof CONTRIBUTION_STATUSES)[number],
    { description: string }
  >,
});

const TYPE_HELP: Record<(typeof RECORD_TYPES)[number], string> = {
  Person: "A person statement (what your agency knows about one person), merged into a Person.",
  Organization: "An organization: agency, P3MI company, employer, NGO, shelter, health service.",
  Case: "A TPPO case, with its assigned organizations.",
  CaseParticipant: "A person's role in a case (victim, suspect, witness, reporter).",
  MigrantPlacement: "A migrant worker placement (BP3MI).",
  BorderCrossing: "A border crossing or deportation (Imigrasi).",
  Repatriation: "A repatriation from abroad.",
  ServiceReferral: "A referral to a service (shelter, medical, legal aid, ...).",
  LegalProceeding: "A stage of a criminal proceeding.",
  EarlyWarningReport: "An early-warning report (LTSA desk, community, NGO).",
};

export const ContributionRecordTypeEnum = builder.enumType("ContributionRecordType", {
  description: "Kind of record a contribution holds.",
  values: Object.fromEntries(RECORD_TYPES.map((t) => [t, { description: TYPE_HELP[t] }])) as Record<(typeof RECORD_TYPES)[number], { description: string }>,
});

export const FieldErrorCodeEnum = builder.enumType("FieldErrorCode", {
  description: "Why a field was refused (or, in warnings, flagged). Stable codes for agency systems to act on.",
  values: Object.fromEntries(Object.entries(FIELD_ERROR_CODES).map(([code, description]) => [code, { description }])) as Record<
    keyof typeof FIELD_ERROR_CODES,
    { description: string }
  >,
});

export const FieldErrorRef = builder.objectRef<FieldError>("FieldError").implement({
  description: "A problem with one field of a contributed record.",
  fields: (t) => ({
    path: t.exposeStringList("path", {
      nullable: false,
      description:
        'Path of the field inside the record, list indices as strings: ["documents", "0", "number"], ["exploitationStartedAt"]. Empty when the problem concerns the whole record.',
    }),
    code: t.field({ type: FieldErrorCodeEnum, nullable: false, description: "Machine-readable reason.", resolve: (e) => e.code }),
    message: t.exposeString("message", { nullable: false, description: "Human-readable explanation (English). Never contains data you did not send." }),
  }),
});

export const ContributionResultRef = builder.objectRef<RecordResult>("ContributionResult").implement({
  description: "Outcome of one contributed record. A batch answers one per record, in the order sent.",
  fields: (t) => ({
    index: t.exposeInt("index", { nullable: false, description: "Position of the record in the batch (0-based; 0 for single-record mutations)." }),
    recordType: t.field({
      type: ContributionRecordTypeEnum,
      nullable: true,
      description: "Kind of record; null when a batch entry did not set exactly one record field.",
      resolve: (r) => r.recordType,
    }),
    externalId: t.exposeString("externalId", { nullable: true, description: "Your externalId for the record, as received (trimmed)." }),
    status: t.field({ type: ContributionStatusEnum, nullable: false, description: "What happened to the record.", resolve: (r) => r.status }),
    id: t.exposeID("id", {
      nullable: true,
      description:
        "Hub id of the stored record, usable in references ({ id }) and queries. For Person contributions this is the Person (the merged human being), not your statement. Null when rejected.",
    }),
    version: t.exposeInt("version", {
      nullable: true,
      description: "Version of your record after this contribution (for persons: of your statement). Null when rejected.",
    }),
    currentVersion: t.exposeInt("currentVersion", {
      nullable: true,
      description: "With VERSION_CONFLICT: the version the hub holds now, so you can fetch, merge and resend. Null otherwise or when your record does not exist.",
    }),
    errors: t.field({ type: [FieldErrorRef], nullable: false, description: "Why the record was rejected; empty unless status is REJECTED.", resolve: (r) => r.errors }),
    warnings: t.field({
      type: [FieldErrorRef],
      nullable: false,
      description: "Stored, but worth checking: e.g. NIK_SEX_MISMATCH / NIK_BIRTHDATE_MISMATCH when the NIK disagrees with the recorded sex or birth date.",
      resolve: (r) => r.warnings,
    }),
  }),
});
