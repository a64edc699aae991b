// Contribution domain: how agencies write records into the shared model. No GraphQL here;
// src/graph/contribute/ exposes it, a file import can reuse it unchanged.
export { contributeBatch, contributeRecord, BATCH_FIELDS, HANDLERS, MAX_BATCH, type ContributeOptions } from "./engine";
export type { Contributor } from "./env";
export { CONTRIBUTION_STATUSES, FIELD_ERROR_CODES, RECORD_TYPES, type ContributionStatus, type FieldError, type FieldErrorCode, type RecordResult, type RecordType } from "./result";
export { ASSIGNMENT_PURPOSES } from "./records/case";
export { REFERRAL_TRANSITIONS } from "./records/service-referral";
