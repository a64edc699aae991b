// What a contribution reports back, per record. Codes are a fixed list so agency systems can
// branch on them; messages are for people and never contain data the caller did not send.

export const RECORD_TYPES = [
  "Person",
  "Organization",
  "Case",
  "CaseParticipant",
  "MigrantPlacement",
  "BorderCrossing",
  "Repatriation",
  "ServiceReferral",
  "LegalProceeding",
  "EarlyWarningReport",
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const CONTRIBUTION_STATUSES = ["CREATED", "UPDATED", "UNCHANGED", "REJECTED"] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/** Field error codes, with what each means (also the GraphQL enum's descriptions). */
export const FIELD_ERROR_CODES = {
  REQUIRED: "A required field is missing or null.",
  INVALID_TYPE: "The value has the wrong type.",
  INVALID_FORMAT: "The value does not have the expected format.",
  INVALID_VALUE: "The value is not one of the allowed values (enum or vocabulary).",
  OUT_OF_RANGE: "A number, length or list size is outside the allowed range.",
  UNKNOWN_FIELD: "The record has a field this record type does not have.",
  DUPLICATE_VALUE: "A list holds the same item twice.",
  UNKNOWN_COUNTRY: "Not an ISO 3166-1 alpha-2 country code.",
  UNKNOWN_REGION: "Not a kode wilayah known to the hub (Region).",
  NIK_FORMAT: "A NIK is 16 digits whose first six are a kode wilayah.",
  NIK_REGION: "The NIK's kabupaten/kota (digits 1-4) is not a known kode wilayah.",
  NIK_BIRTHDATE: "The NIK's DDMMYY digits are not a real birth date (day +40 for women).",
  NIK_SERIAL: "The NIK's serial (last four digits) is 0000.",
  DATE_IN_FUTURE: "The date or time lies in the future.",
  DATE_ORDER: "Two dates are in the wrong order.",
  INCONSISTENT: "The value contradicts another field of the same record.",
  NOT_APPLICABLE: "The field does not apply to this kind of record (e.g. victim fields on a suspect).",
  INVALID_TRANSITION: "The status cannot change from the stored status to this one.",
  INVALID_REFERENCE: "A reference must give exactly one of: id, externalId (with optional sourceAgency), or document.",
  NOT_FOUND: "The referenced record does not exist.",
  AMBIGUOUS_REFERENCE: "The reference matches more than one record.",
  WRONG_KIND: "The referenced organization is not of the kind this field needs.",
  IDENTITY_CONFLICT: "The identity documents point at different persons already in the hub.",
  VERSION_CONFLICT: "expectedVersion does not match the stored version.",
  NOT_PERMITTED: "The caller may not set this value.",
  NIK_SEX_MISMATCH: "Warning: the NIK encodes a different sex than the one recorded (stored, flagged).",
  NIK_BIRTHDATE_MISMATCH: "Warning: the NIK encodes a different birth date than the one recorded (stored, flagged).",
  EXACTLY_ONE: "A batch entry must set exactly one record field.",
  INTERNAL: "The hub failed to store the record; nothing was written. Retry later.",
} as const;
export type FieldErrorCode = keyof typeof FIELD_ERROR_CODES;

export interface FieldError {
  /** Path inside the record, array indices as strings: ["documents", "0", "number"]. Empty for the whole record. */
  path: string[];
  code: FieldErrorCode;
  message: string;
}

export interface RecordResult {
  /** Position in the batch (0 for single-record mutations). */
  index: number;
  recordType: RecordType | null;
  externalId: string | null;
  status: ContributionStatus;
  /** Hub id of the stored record (for persons: the Person). Null when rejected before storing. */
  id: string | null;
  /** Version after this contribution (null when rejected). */
  version: number | null;
  /** Stored version when rejected with VERSION_CONFLICT (null when the record does not exist). */
  currentVersion: number | null;
  errors: FieldError[];
  /** Accepted, but worth a look (e.g. a NIK that disagrees with the recorded birth date). */
  warnings: FieldError[];
  /** Field names written (for the audit log; never values). */
  fieldsWritten: string[];
}

/** Thrown inside a record's transaction to roll it back and report REJECTED. */
export class RecordRejected extends Error {
  constructor(
    readonly errors: FieldError[],
    readonly currentVersion: number | null = null,
  ) {
    super("record rejected");
    this.name = "RecordRejected";
  }
}

/** How an unknown kode wilayah gets fixed when it is a real one: the hub lacks the reference regions. */
const REGIONS_FIX = "If the code is real, the hub's reference regions are missing or out of date: an administrator runs `tppo-hub regions sync` (docs/reference-data.md).";

export const unknownRegionMessage = (code: string) => `Kode wilayah ${code} is not known to the hub. ${REGIONS_FIX}`;
export const nikRegionMessage = (regency: string) => `The NIK's kabupaten/kota ${regency} is not a known kode wilayah. ${REGIONS_FIX}`;

export const fieldError = (path: (string | number)[], code: FieldErrorCode, message: string): FieldError => ({
  path: path.map(String),
  code,
  message,
});
