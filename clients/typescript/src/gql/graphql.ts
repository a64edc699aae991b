/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Function of a government agency; decides the precedence of its statements about persons. */
export type AgencyType =
  /** Court (Pengadilan Negeri / Tinggi). */
  | 'COURT'
  /** Health office or hospital. */
  | 'HEALTH'
  /** Imigrasi: border crossings and travel documents (SIMKIM). */
  | 'IMMIGRATION'
  /** Legal aid provider (Kemenkum-accredited). */
  | 'LEGAL_AID'
  /** Layanan Terpadu Satu Atap: one-stop migrant worker service desk. */
  | 'LTSA'
  /** BP2MI / BP3MI: migrant worker protection agency (SISKOP2MI). */
  | 'MIGRANT_WORKER_AGENCY'
  /** Any other agency. */
  | 'OTHER'
  /** Police (Polda / Polres), investigators under UU 21/2007. */
  | 'POLICE'
  /** Prosecutor's office (Kejati / Kejari). */
  | 'PROSECUTOR'
  /** Dinas Sosial / Kemensos: rehabilitation and social services (SIKS-NG). */
  | 'SOCIAL_SERVICES'
  /** Gugus Tugas PP-TPPO (Perpres 49/2023), national, provincial or kabupaten/kota level. */
  | 'TASK_FORCE'
  /** DP3A / UPTD PPA: women and child protection (SIMFONI-PPA). */
  | 'WOMEN_CHILD_PROTECTION';

/** A border crossing (Imigrasi, SIMKIM), including deportations. Send the complete record every time: a field you omit or set to null is stored as empty. Contributing the same externalId again updates your record (or reports UNCHANGED). */
export type BorderCrossingInput = {
  /** A case the crossing belongs to. */
  case?: RecordReferenceInput | null | undefined;
  /** Country departed to or arrived from (ISO 3166-1 alpha-2). */
  counterpartCountry?: string | null | undefined;
  /** When; not in the future (5 minutes clock skew allowed). */
  crossedAt: string;
  /** True for a deportation. Default false. */
  deportation?: boolean | null | undefined;
  /** EXIT from or ENTRY into Indonesia. */
  direction: CrossingDirection;
  /** Number of the document shown (with documentType). */
  documentNumber?: string | null | undefined;
  /** Document shown (with documentNumber). */
  documentType?: IdentityDocumentType | null | undefined;
  /** Optimistic concurrency: the version you last read. If the hub holds another version the record is REJECTED with VERSION_CONFLICT and currentVersion. 0 means: the record must not exist yet. Omit to skip the check. */
  expectedVersion?: number | null | undefined;
  /** Your identifier for this record in your own system (e.g. SIMKIM-ETK-20260314-0412); with your agency code it identifies the record in the hub. Max 200 characters. */
  externalId: string;
  /** Who crossed. */
  person: PersonReferenceInput;
  /** Where (PLBN, airport, seaport, informal path). */
  post: BorderPost;
  /** Name of the place; required when post is OTHER. */
  postName?: string | null | undefined;
  /** Your system the record comes from, e.g. SISKOP2MI, SIMKIM, EMP, SIKS-NG, SIMFONI-PPA (2-40 letters, digits, . _ -; stored upper-case). */
  sourceSystem: string;
};

/** Border crossing point or port of entry in Kalimantan. */
export type BorderPost =
  /** Supadio airport, Pontianak (Kubu Raya). */
  | 'AIRPORT_SUPADIO_PONTIANAK'
  /** Syamsudin Noor airport, Banjarbaru (Kalsel). */
  | 'AIRPORT_SYAMSUDIN_NOOR_BANJARMASIN'
  /** Informal path (jalan tikus), not an official post; see postName for the place. */
  | 'INFORMAL_PATH'
  /** Any other post; see postName. */
  | 'OTHER'
  /** PLBN Aruk, Sambas (kec. Sajingan Besar 61.01.09), opposite Biawak, Sarawak. */
  | 'PLBN_ARUK'
  /** PLBN Entikong, Sanggau (kec. 61.03.21), opposite Tebedu, Sarawak. */
  | 'PLBN_ENTIKONG'
  /** PLBN Jagoi Babang, Bengkayang (kec. 61.07.07), opposite Serikin, Sarawak. */
  | 'PLBN_JAGOI_BABANG'
  /** PLBN Nanga Badau, Kapuas Hulu (kec. 61.06.14), opposite Lubok Antu, Sarawak. */
  | 'PLBN_NANGA_BADAU'
  /** PLBN Sei Kelik, Sintang (planned). */
  | 'PLBN_SEI_KELIK'
  /** Sajingan crossing area, Sambas. */
  | 'SAJINGAN'
  /** Dwikora seaport, Pontianak. */
  | 'SEAPORT_DWIKORA_PONTIANAK'
  /** Trisakti seaport, Banjarmasin. */
  | 'SEAPORT_TRISAKTI_BANJARMASIN';

/** An organization the case is assigned to, and why. */
export type CaseAssignmentInput = {
  /** The organization (any agency's record). */
  organization: RecordReferenceInput;
  /** Why it is assigned. */
  purpose: CaseAssignmentPurpose;
};

/** Why an organization is assigned to a case. */
export type CaseAssignmentPurpose =
  /** Case manager for the victims (Dinas Sosial, UPTD PPA). */
  | 'CASE_MANAGEMENT'
  /** Police unit investigating (penyelidikan / penyidikan). */
  | 'INVESTIGATION'
  /** Legal aid for the victims. */
  | 'LEGAL_AID'
  /** BP3MI protecting migrant workers involved. */
  | 'MIGRANT_WORKER_PROTECTION'
  /** Prosecutor's office (Kejaksaan) handling the case. */
  | 'PROSECUTION'
  /** Provides services to the victims (shelter, health, rehabilitation). */
  | 'VICTIM_SERVICES';

/** A TPPO case (HTCDS cas_ and case-level vic_ fields). Send the complete record every time: a field you omit or set to null is stored as empty. Contributing the same externalId again updates your record (or reports UNCHANGED). */
export type CaseInput = {
  /** Organizations the case is assigned to (max 20). Your previous list is replaced. */
  assignedOrganizations?: Array<CaseAssignmentInput> | null | undefined;
  /** When the case was closed (status Closed or ClosedReferred only); not before identifiedAt. */
  closedAt?: string | null | undefined;
  /** Why it was closed (status Closed or ClosedReferred only). */
  closureReason?: string | null | undefined;
  /** How victims were controlled. */
  controlMethods?: Array<ControlMethod> | null | undefined;
  /** City of exploitation. */
  destinationCity?: string | null | undefined;
  /** Country of exploitation (ISO 3166-1 alpha-2; ID for domestic cases). */
  destinationCountry?: string | null | undefined;
  /** Optimistic concurrency: the version you last read. If the hub holds another version the record is REJECTED with VERSION_CONFLICT and currentVersion. 0 means: the record must not exist yet. Omit to skip the check. */
  expectedVersion?: number | null | undefined;
  /** When exploitation ended. */
  exploitationEndedAt?: string | null | undefined;
  /** When exploitation began; not after exploitationEndedAt. */
  exploitationStartedAt?: string | null | undefined;
  /** Types of exploitation (HTCDS vic_TypeOfExploitation). */
  exploitationTypes?: Array<ExploitationType> | null | undefined;
  /** Your identifier for this record in your own system (e.g. LP/B/123/IV/2026/SPKT/POLDA KALBAR); with your agency code it identifies the record in the hub. Max 200 characters. */
  externalId: string;
  /** Industry of forced labour (ISIC Rev.4 section). */
  forcedLabourIndustry?: Industry | null | undefined;
  /** When the case was identified; not in the future. */
  identifiedAt?: string | null | undefined;
  /** Modus operandi. */
  modus?: Array<Modus> | null | undefined;
  /** Where the victims come from (kode wilayah known to the hub). */
  originRegionCode?: string | null | undefined;
  /** Websites or apps used to recruit. */
  recruitmentApps?: Array<RecruitmentApp> | null | undefined;
  /** How victims were recruited. */
  recruitmentMethods?: Array<RecruitmentMethod> | null | undefined;
  /** Where recruitment took place (kode wilayah known to the hub). */
  recruitmentRegionCode?: string | null | undefined;
  /** Forms of sexual exploitation; needs SexualExploitation in exploitationTypes. */
  sexExploitationTypes?: Array<SexExploitationType> | null | undefined;
  /** Your system the record comes from, e.g. SISKOP2MI, SIMKIM, EMP, SIKS-NG, SIMFONI-PPA (2-40 letters, digits, . _ -; stored upper-case). */
  sourceSystem: string;
  /** Case status. Default Active. */
  status?: CaseStatus | null | undefined;
  /** Narrative summary (max 10,000). Contains personal data: it is protected like identity fields. */
  summary?: string | null | undefined;
  /** Short working title (max 300). */
  title?: string | null | undefined;
  /** Where the victims left Indonesia. */
  transitBorderPost?: BorderPost | null | undefined;
  /** Countries passed through, in route order (ISO 3166-1 alpha-2). */
  transitCountries?: Array<string> | null | undefined;
};

/** A person's role in a case. Victim context (vic_) only for VICTIM (needs and consentAgencies also for WITNESS), perpetrator context (per_) only for SUSPECT. Send the complete record every time: a field you omit or set to null is stored as empty. Contributing the same externalId again updates your record (or reports UNCHANGED). */
export type CaseParticipantInput = {
  /** Age when trafficked, 0-120 (VICTIM only). isChild is derived from it (under 18) and cannot be sent. */
  ageAtExploitation?: number | null | undefined;
  /** The case (any agency's). */
  case: RecordReferenceInput;
  /** Agency codes the person consented to share their identity with (HTCDS con_Consent; VICTIM or WITNESS). */
  consentAgencies?: Array<string> | null | undefined;
  /** Optimistic concurrency: the version you last read. If the hub holds another version the record is REJECTED with VERSION_CONFLICT and currentVersion. 0 means: the record must not exist yet. Omit to skip the check. */
  expectedVersion?: number | null | undefined;
  /** Your identifier for this record in your own system (e.g. LP-123/TSK-1); with your agency code it identifies the record in the hub. Max 200 characters. */
  externalId: string;
  /** Services the person needs (VICTIM or WITNESS). */
  needs?: Array<ServiceType> | null | undefined;
  /** The person. */
  person: PersonReferenceInput;
  /** HTCDS vic_RelationshipToTrafficker (VICTIM only). */
  relationshipToTrafficker?: RelationshipToTrafficker | null | undefined;
  /** Role in the case. */
  role: ParticipantRole;
  /** HTCDS per_RoleDetails (SUSPECT only, max 2,000). */
  roleDetails?: string | null | undefined;
  /** Your system the record comes from, e.g. SISKOP2MI, SIMKIM, EMP, SIKS-NG, SIMFONI-PPA (2-40 letters, digits, . _ -; stored upper-case). */
  sourceSystem: string;
  /** Organization the suspect acted for, e.g. a P3MI (SUSPECT only). */
  suspectOrganization?: RecordReferenceInput | null | undefined;
  /** HTCDS per_RoleInProcess (SUSPECT only). */
  suspectRoles?: Array<PerpetratorRole> | null | undefined;
  /** HTCDS vic_TraffickingStatus (VICTIM only). */
  traffickingStatus?: TraffickingStatus | null | undefined;
};

/** HTCDS cas_Status. */
export type CaseStatus =
  /** Case open and being worked. */
  | 'Active'
  /** Case closed (see closureReason). */
  | 'Closed'
  /** Closed here and referred to another organization. */
  | 'ClosedReferred'
  /** Main work done; follow-up (services, proceedings) continues. */
  | 'FollowUp';

/** One record of a batch: set exactly one field (e.g. `{ person: {...} }` or `{ case: {...} }`). An entry with none or several is REJECTED with EXACTLY_ONE. */
export type ContributionInput = {
  /** A border crossing. */
  borderCrossing?: BorderCrossingInput | null | undefined;
  /** A case. */
  case?: CaseInput | null | undefined;
  /** A person's role in a case. */
  caseParticipant?: CaseParticipantInput | null | undefined;
  /** An early-warning report. */
  earlyWarningReport?: EarlyWarningReportInput | null | undefined;
  /** A legal proceeding. */
  legalProceeding?: LegalProceedingInput | null | undefined;
  /** A migrant worker placement. */
  migrantPlacement?: MigrantPlacementInput | null | undefined;
  /** An organization. */
  organization?: OrganizationInput | null | undefined;
  /** A person (your agency's statement). */
  person?: PersonInput | null | undefined;
  /** A repatriation. */
  repatriation?: RepatriationInput | null | undefined;
  /** A service referral. */
  serviceReferral?: ServiceReferralInput | null | undefined;
};

/** Kind of record a contribution holds. */
export type ContributionRecordType =
  /** A border crossing or deportation (Imigrasi). */
  | 'BorderCrossing'
  /** A TPPO case, with its assigned organizations. */
  | 'Case'
  /** A person's role in a case (victim, suspect, witness, reporter). */
  | 'CaseParticipant'
  /** An early-warning report (LTSA desk, community, NGO). */
  | 'EarlyWarningReport'
  /** A stage of a criminal proceeding. */
  | 'LegalProceeding'
  /** A migrant worker placement (BP3MI). */
  | 'MigrantPlacement'
  /** An organization: agency, P3MI company, employer, NGO, shelter, health service. */
  | 'Organization'
  /** A person statement (what your agency knows about one person), merged into a Person. */
  | 'Person'
  /** A repatriation from abroad. */
  | 'Repatriation'
  /** A referral to a service (shelter, medical, legal aid, ...). */
  | 'ServiceReferral';

/** Outcome of contributing one record. */
export type ContributionStatus =
  /** The record was new for your agency and is now stored at version 1. */
  | 'CREATED'
  /** Nothing was written for this record; see errors. Other records of the same batch are not affected. */
  | 'REJECTED'
  /** Your agency's record already held exactly these values; nothing was written, version and updatedAt are unchanged. */
  | 'UNCHANGED'
  /** Your agency's record with this externalId changed; stored with version + 1. */
  | 'UPDATED';

/** HTCDS vic_MethodsOfControl. */
export type ControlMethod =
  /** Debt bondage. */
  | 'DebtBondage'
  /** Excessive working hours. */
  | 'ExcessiveWorkingHours'
  /** False promises (job, pay, marriage). */
  | 'FalsePromises'
  /** Any other method. */
  | 'Other'
  /** Physical abuse. */
  | 'PhysicalAbuse'
  /** Threats of physical harm. */
  | 'PhysicalThreats'
  /** Forces or induces use of psychoactive substances. */
  | 'PsychoactiveSubstance'
  /** Psychological abuse. */
  | 'PsychologicalAbuse'
  /** Restricts access to money or bank accounts. */
  | 'RestrictsFinancialAccess'
  /** Restricts medical care. */
  | 'RestrictsMedicalCare'
  /** Local extension (in the HTCDS definitions, missing from its picklist): restricts movement. */
  | 'RestrictsMovement'
  /** Sexual abuse. */
  | 'SexualAbuse'
  /** Takes the victim's earnings. */
  | 'TakesEarnings'
  /** Threats against children or family. */
  | 'ThreatensChildrenFamily'
  /** Threats of being reported to the police or immigration. */
  | 'ThreatsLawEnforcement'
  /** Withholds identity or travel documents. */
  | 'WithholdsDocuments'
  /** Withholds food, sleep or other necessities. */
  | 'WithholdsNecessities';

/** Direction of a border crossing, seen from Indonesia. */
export type CrossingDirection =
  /** Entering Indonesia. */
  | 'ENTRY'
  /** Leaving Indonesia. */
  | 'EXIT';

/** Finds a person by an identity document any agency recorded. */
export type DocumentReferenceInput = {
  /** ISO 3166-1 alpha-2 country that issued it. Default ID. */
  issuingCountry?: string | null | undefined;
  /** Document number; spaces (and dots in a NIK) are ignored, letters are upper-cased. */
  number: string;
  /** NIK or PASSPORT (other documents are not unique to one person). */
  type: IdentityDocumentType;
};

/** An early warning of suspected recruitment or departure (LTSA desk, community, NGO). Send the complete record every time: a field you omit or set to null is stored as empty. Contributing the same externalId again updates your record (or reports UNCHANGED). */
export type EarlyWarningReportInput = {
  /** A case opened from this warning. */
  case?: RecordReferenceInput | null | undefined;
  /** What was observed (max 5,000). May contain personal data. */
  description: string;
  /** Optimistic concurrency: the version you last read. If the hub holds another version the record is REJECTED with VERSION_CONFLICT and currentVersion. 0 means: the record must not exist yet. Omit to skip the check. */
  expectedVersion?: number | null | undefined;
  /** Your identifier for this record in your own system (e.g. LTSA-PTK-2026-0311); with your agency code it identifies the record in the hub. Max 200 characters. */
  externalId: string;
  /** Where (kode wilayah known to the hub). */
  regionCode: string;
  /** When it was reported; not in the future. */
  reportedAt: string;
  /** Who raised it. */
  source: WarningSource;
  /** Your system the record comes from, e.g. SISKOP2MI, SIMKIM, EMP, SIKS-NG, SIMFONI-PPA (2-40 letters, digits, . _ -; stored upper-case). */
  sourceSystem: string;
  /** Handling status. Default NEW. */
  status?: WarningStatus | null | undefined;
  /** Name or alias of the suspected recruiter (calo). */
  suspectedRecruiter?: string | null | undefined;
};

/** HTCDS vic_TypeOfExploitation. */
export type ExploitationType =
  /** Child labour. */
  | 'ChildLabour'
  /** Forced adoption. */
  | 'ForcedAdoption'
  /** Forced begging. */
  | 'ForcedBegging'
  /** Local extension: forced criminality, e.g. online scams in scam compounds. */
  | 'ForcedCriminality'
  /** Forced labour. */
  | 'ForcedLabour'
  /** Forced marriage. */
  | 'ForcedMarriage'
  /** Forced military service by non-state actors. */
  | 'ForcedMilitaryByNonStateActors'
  /** Organ removal. */
  | 'OrganRemoval'
  /** Any other type. */
  | 'Other'
  /** Servitude, incl. domestic servitude. */
  | 'Servitude'
  /** Sexual exploitation (see sexExploitationTypes). */
  | 'SexualExploitation'
  /** Forced surrogacy. */
  | 'Surrogacy';

/** Why a field was refused (or, in warnings, flagged). Stable codes for agency systems to act on. */
export type FieldErrorCode =
  /** The reference matches more than one record. */
  | 'AMBIGUOUS_REFERENCE'
  /** The date or time lies in the future. */
  | 'DATE_IN_FUTURE'
  /** Two dates are in the wrong order. */
  | 'DATE_ORDER'
  /** A list holds the same item twice. */
  | 'DUPLICATE_VALUE'
  /** A batch entry must set exactly one record field. */
  | 'EXACTLY_ONE'
  /** The identity documents point at different persons already in the hub. */
  | 'IDENTITY_CONFLICT'
  /** The value contradicts another field of the same record. */
  | 'INCONSISTENT'
  /** The hub failed to store the record; nothing was written. Retry later. */
  | 'INTERNAL'
  /** The value does not have the expected format. */
  | 'INVALID_FORMAT'
  /** A reference must give exactly one of: id, externalId (with optional sourceAgency), or document. */
  | 'INVALID_REFERENCE'
  /** The status cannot change from the stored status to this one. */
  | 'INVALID_TRANSITION'
  /** The value has the wrong type. */
  | 'INVALID_TYPE'
  /** The value is not one of the allowed values (enum or vocabulary). */
  | 'INVALID_VALUE'
  /** The NIK's DDMMYY digits are not a real birth date (day +40 for women). */
  | 'NIK_BIRTHDATE'
  /** Warning: the NIK encodes a different birth date than the one recorded (stored, flagged). */
  | 'NIK_BIRTHDATE_MISMATCH'
  /** A NIK is 16 digits whose first six are a kode wilayah. */
  | 'NIK_FORMAT'
  /** The NIK's kabupaten/kota (digits 1-4) is not a known kode wilayah. */
  | 'NIK_REGION'
  /** The NIK's serial (last four digits) is 0000. */
  | 'NIK_SERIAL'
  /** Warning: the NIK encodes a different sex than the one recorded (stored, flagged). */
  | 'NIK_SEX_MISMATCH'
  /** The field does not apply to this kind of record (e.g. victim fields on a suspect). */
  | 'NOT_APPLICABLE'
  /** The referenced record does not exist. */
  | 'NOT_FOUND'
  /** The caller may not set this value. */
  | 'NOT_PERMITTED'
  /** A number, length or list size is outside the allowed range. */
  | 'OUT_OF_RANGE'
  /** A required field is missing or null. */
  | 'REQUIRED'
  /** Not an ISO 3166-1 alpha-2 country code. */
  | 'UNKNOWN_COUNTRY'
  /** The record has a field this record type does not have. */
  | 'UNKNOWN_FIELD'
  /** Not a kode wilayah known to the hub (Region). */
  | 'UNKNOWN_REGION'
  /** expectedVersion does not match the stored version. */
  | 'VERSION_CONFLICT'
  /** The referenced organization is not of the kind this field needs. */
  | 'WRONG_KIND';

/** An identity document. NIK: 16 digits PP KK CC DDMMYY SSSS (kabupaten/kota known to the hub, day +40 for women, real birth date, serial not 0000); a NIK that disagrees with the recorded sex or birth date is stored with a flag and reported in warnings, not rejected. Passport: Indonesian ones are 1-2 letters + 6-7 digits. */
export type IdentityDocumentInput = {
  /** ISO 3166-1 alpha-2 issuing country. Default ID; NIK and KK are always ID. */
  issuingCountry?: string | null | undefined;
  /** Document number; spaces (and dots in NIK/KK) are ignored, letters upper-cased. */
  number: string;
  /** Document type. */
  type: IdentityDocumentType;
};

/** Type of an identity or travel document. */
export type IdentityDocumentType =
  /** Migrant worker identity number issued by BP2MI (SISKOP2MI). */
  | 'ID_PMI'
  /** Kartu Keluarga (family card) number, 16 digits. */
  | 'KK'
  /** Nomor Induk Kependudukan, 16 digits (PP KK CC DDMMYY SSSS), issued by Dukcapil. */
  | 'NIK'
  /** Any other document. */
  | 'OTHER'
  /** Passport; store the issuing country (ISO 3166-1 alpha-2). */
  | 'PASSPORT'
  /** Pas Lintas Batas: border pass for residents of border districts. */
  | 'PLB'
  /** Surat Perjalanan Laksana Paspor: emergency travel document, typically for deportees. */
  | 'SPLP';

/** ISIC Rev.4 section (HTCDS vic_ForcedLabourIndustry). */
export type Industry =
  /** ISIC A: agriculture, forestry and fishing (plantations, fishing boats). */
  | 'A_AgricultureForestryAndFishing'
  /** ISIC B: mining and quarrying. */
  | 'B_MiningAndQuarrying'
  /** ISIC C: manufacturing (incl. palm oil mills). */
  | 'C_Manufacturing'
  /** ISIC D: electricity, gas, steam and air conditioning supply. */
  | 'D_ElectricityGasSteamAndAirConditioningSupply'
  /** ISIC E: water supply, sewerage, waste management. */
  | 'E_WaterSupplySewerageWasteManagement'
  /** ISIC F: construction. */
  | 'F_Construction'
  /** ISIC G: wholesale and retail trade. */
  | 'G_WholesaleAndRetailTrade'
  /** ISIC H: transportation and storage. */
  | 'H_TransportationAndStorage'
  /** ISIC I: accommodation and food service. */
  | 'I_AccommodationAndFoodServiceActivities'
  /** ISIC J: information and communication. */
  | 'J_InformationAndCommunication'
  /** ISIC K: financial and insurance activities. */
  | 'K_FinancialAndInsuranceActivities'
  /** ISIC L: real estate. */
  | 'L_RealEstateActivities'
  /** ISIC M: professional, scientific and technical activities. */
  | 'M_ProfessionalScientificAndTechnicalActivities'
  /** ISIC N: administrative and support services (incl. scam compound call centres). */
  | 'N_AdministrativeAndSupportServiceActivities'
  /** ISIC O: public administration and defence. */
  | 'O_PublicAdministrationAndDefence'
  /** ISIC P: education. */
  | 'P_Education'
  /** ISIC Q: human health and social work. */
  | 'Q_HumanHealthAndSocialWorkActivities'
  /** ISIC R: arts, entertainment and recreation (incl. online gambling). */
  | 'R_ArtsEntertainmentAndRecreation'
  /** ISIC S: other service activities. */
  | 'S_OtherServiceActivities'
  /** ISIC T: households as employers (domestic workers). */
  | 'T_ActivitiesOfHouseholdsAsEmployers'
  /** ISIC U: extraterritorial organizations. */
  | 'U_ActivitiesOfExtraterritorialOrganizations';

/** A stage of a criminal proceeding in a case (police, prosecutor, court). Verdict fields apply from stage VERDICT on. Send the complete record every time: a field you omit or set to null is stored as empty. Contributing the same externalId again updates your record (or reports UNCHANGED). */
export type LegalProceedingInput = {
  /** The case (any agency's). */
  case: RecordReferenceInput;
  /** Court case number. */
  courtCaseNumber?: string | null | undefined;
  /** Court, e.g. Pengadilan Negeri Sanggau. */
  courtName?: string | null | undefined;
  /** Defendant's name as in the case file. */
  defendantName?: string | null | undefined;
  /** Optimistic concurrency: the version you last read. If the hub holds another version the record is REJECTED with VERSION_CONFLICT and currentVersion. 0 means: the record must not exist yet. Omit to skip the check. */
  expectedVersion?: number | null | undefined;
  /** Your identifier for this record in your own system (e.g. EMP-BP-2026-0145); with your agency code it identifies the record in the hub. Max 200 characters. */
  externalId: string;
  /** Laporan polisi number, e.g. LP/B/123/IV/2026/SPKT/POLDA KALBAR. */
  policeReportNumber?: string | null | undefined;
  /** Restitution ordered, whole rupiah as a string of digits, e.g. "150000000" (VERDICT or APPEAL stage; UU 21/2007 Art. 48). */
  restitutionAmount?: string | null | undefined;
  /** Prison sentence in months, 0-1200 (VERDICT or APPEAL stage). */
  sentenceMonths?: number | null | undefined;
  /** Your system the record comes from, e.g. SISKOP2MI, SIMKIM, EMP, SIKS-NG, SIMFONI-PPA (2-40 letters, digits, . _ -; stored upper-case). */
  sourceSystem: string;
  /** Stage reached. */
  stage: ProceedingStage;
  /** When the stage was reached; not in the future. */
  stageDate?: string | null | undefined;
  /** Verdict (VERDICT or APPEAL stage). */
  verdict?: string | null | undefined;
  /** Verdict date (VERDICT or APPEAL stage). */
  verdictDate?: string | null | undefined;
};

/** Status of a P3MI company licence (SIP3MI, issued via OSS). */
export type LicenceStatus =
  /** Licence valid: the company may place workers. */
  | 'ACTIVE'
  /** Licence expired and not renewed. */
  | 'EXPIRED'
  /** The company never held a licence. */
  | 'NONE'
  /** Licence revoked. */
  | 'REVOKED'
  /** Licence suspended: placements are non-procedural until lifted. */
  | 'SUSPENDED';

/** A migrant worker placement (BP3MI, SISKOP2MI). Planned departure and return dates may lie in the future. Send the complete record every time: a field you omit or set to null is stored as empty. Contributing the same externalId again updates your record (or reports UNCHANGED). */
export type MigrantPlacementInput = {
  /** A case the placement is part of. */
  case?: RecordReferenceInput | null | undefined;
  /** Departure date (actual or planned). */
  departureDate?: string | null | undefined;
  /** City of work. */
  destinationCity?: string | null | undefined;
  /** Country of work (ISO 3166-1 alpha-2). */
  destinationCountry: string;
  /** The employer (organization of kind EMPLOYER). */
  employer?: RecordReferenceInput | null | undefined;
  /** Optimistic concurrency: the version you last read. If the hub holds another version the record is REJECTED with VERSION_CONFLICT and currentVersion. 0 means: the record must not exist yet. Omit to skip the check. */
  expectedVersion?: number | null | undefined;
  /** Your identifier for this record in your own system (e.g. SISKO-2026-0099812); with your agency code it identifies the record in the hub. Max 200 characters. */
  externalId: string;
  /** The worker's ID PMI (BP2MI migrant worker id). */
  idPmi?: string | null | undefined;
  /** Industry (ISIC Rev.4 section). */
  industry?: Industry | null | undefined;
  /** Job (jabatan), e.g. Penata Laksana Rumah Tangga. */
  jobTitle?: string | null | undefined;
  /** The placing company (organization of kind P3MI). */
  p3mi?: RecordReferenceInput | null | undefined;
  /** Whether the placement followed the legal procedure (UU 18/2017). */
  procedural: boolean;
  /** Return or contract end date; not before departureDate. */
  returnDate?: string | null | undefined;
  /** Your system the record comes from, e.g. SISKOP2MI, SIMKIM, EMP, SIKS-NG, SIMFONI-PPA (2-40 letters, digits, . _ -; stored upper-case). */
  sourceSystem: string;
  /** The migrant worker (contribute the person first, or in the same batch before this record). */
  worker: PersonReferenceInput;
};

/** Modus operandi seen in Kalimantan (local vocabulary; see docs/data-model.md for its mapping to HTCDS exploitation types). */
export type Modus =
  /** Contract marriage (kawin kontrak) arranged by matchmakers, often with falsified ages. */
  | 'CONTRACT_MARRIAGE'
  /** Domestic worker (ART) placement. */
  | 'DOMESTIC_WORKER'
  /** Non-procedural dispatch of migrant workers via PLBN or jalan tikus. */
  | 'ILLEGAL_MIGRANT_WORKER_DISPATCH'
  /** Mail-order bride (pengantin pesanan), typically to China, Hong Kong or Taiwan. */
  | 'MAIL_ORDER_BRIDE'
  /** Recruited as a Mandarin translator, ending in a scam compound. */
  | 'MANDARIN_TRANSLATOR'
  /** Recruited through social media or online advertisements. */
  | 'ONLINE_RECRUITMENT'
  /** Any other modus. */
  | 'OTHER'
  /** Overseas internship (magang) that turns into forced labour. */
  | 'OVERSEAS_INTERNSHIP'
  /** Plantation or mill worker (Sarawak, Sabah). */
  | 'PLANTATION_WORKER'
  /** IT / online-gambling operator in a scam compound (Cambodia, Myanmar, Thailand). */
  | 'SCAM_COMPOUND_IT_OPERATOR'
  /** Promised shop-assistant job, forced into sex work. */
  | 'SHOP_KEEPER';

/** An organization: a government agency, a P3MI placement company, an employer, NGO, shelter or health service. Send the complete record every time: a field you omit or set to null is stored as empty. Contributing the same externalId again updates your record (or reports UNCHANGED). */
export type OrganizationInput = {
  /** Function of a government agency (kind AGENCY only). */
  agencyType?: AgencyType | null | undefined;
  /** Agency code used in tokens (kind AGENCY only), e.g. DINSOS-KALBAR. You can register only your own agency's code; it gives your statements about persons their precedence (agencyType). */
  code?: string | null | undefined;
  /** ISO 3166-1 alpha-2 country of its seat (employers abroad: MY, SG, ...). Default ID. */
  country?: string | null | undefined;
  /** Optimistic concurrency: the version you last read. If the hub holds another version the record is REJECTED with VERSION_CONFLICT and currentVersion. 0 means: the record must not exist yet. Omit to skip the check. */
  expectedVersion?: number | null | undefined;
  /** Your identifier for this record in your own system (e.g. P3MI-0042); with your agency code it identifies the record in the hub. Max 200 characters. */
  externalId: string;
  /** What kind of organization it is. */
  kind: OrganizationKind;
  /** Licence number, e.g. the SIP3MI of a P3MI company. */
  licenceNumber?: string | null | undefined;
  /** Status of that licence; anything but NONE needs licenceNumber. */
  licenceStatus?: LicenceStatus | null | undefined;
  /** Official name, e.g. PT Sinar Jaya Abadi, Dinas Sosial Provinsi Kalimantan Barat. */
  name: string;
  /** Kode wilayah of its seat (dotted, must be known to the hub), e.g. 61.71. */
  regionCode?: string | null | undefined;
  /** Your system the record comes from, e.g. SISKOP2MI, SIMKIM, EMP, SIKS-NG, SIMFONI-PPA (2-40 letters, digits, . _ -; stored upper-case). */
  sourceSystem: string;
};

/** What kind of organization this is. */
export type OrganizationKind =
  /** A government agency taking part in the hub (police, BP3MI, Imigrasi, Dinas Sosial, ...); see agencyType. */
  | 'AGENCY'
  /** An employer, usually abroad, named in a placement. */
  | 'EMPLOYER'
  /** A hospital, puskesmas or clinic receiving referrals. */
  | 'HEALTH_SERVICE'
  /** A non-governmental organization (case work, shelter, advocacy). */
  | 'NGO'
  /** Any other organization. */
  | 'OTHER'
  /** Perusahaan Penempatan Pekerja Migran Indonesia: a licensed (SIP3MI) migrant worker placement company. */
  | 'P3MI'
  /** A shelter (rumah aman / RPTC) receiving victims. */
  | 'SHELTER';

/** Role of a person in a case. */
export type ParticipantRole =
  /** Person who reported the case (pelapor), e.g. a family member. */
  | 'REPORTER'
  /** Suspected perpetrator (HTCDS per_ context applies). */
  | 'SUSPECT'
  /** Victim or possible victim (HTCDS vic_ context applies). */
  | 'VICTIM'
  /** Witness (saksi). */
  | 'WITNESS';

/** HTCDS per_RoleInProcess. */
export type PerpetratorRole =
  /** Abuser. */
  | 'Abuser'
  /** Bought the victim. */
  | 'BoughtIndividual'
  /** Broker or travel agent. */
  | 'BrokerTravelAgent'
  /** Controlled the victim. */
  | 'ControlledIndividual'
  /** Exploiter (employer, brothel owner, compound operator). */
  | 'Exploiter'
  /** Harboured the victim. */
  | 'HarbouredIndividual'
  /** Kidnapper. */
  | 'Kidnapper'
  /** Any other role. */
  | 'Other'
  /** Local extension: acted for a P3MI placement company. */
  | 'P3miCompany'
  /** Received the victim. */
  | 'ReceivedIndividual'
  /** Recruiter or intermediary (perekrut, calo). */
  | 'RecruiterOrIntermediary'
  /** Smuggler. */
  | 'Smuggler'
  /** Sold the victim. */
  | 'SoldIndividual'
  /** Local extension: finances the departure (sponsor, calo). */
  | 'Sponsor'
  /** Transferred the victim. */
  | 'TransferredIndividual'
  /** Transported the victim. */
  | 'Transporter'
  /** Travelled with the victim. */
  | 'TravellingPartner';

/** What your agency knows about one person (HTCDS prs_). Stored as your agency's statement; the hub links it to the Person holding the same NIK or passport (number + issuing country), or creates a new Person, and recomputes the Person's shown values by the documented precedence. If your documents match two different Persons the record is REJECTED with IDENTITY_CONFLICT: persons are never merged automatically. Send the complete record every time: a field you omit or set to null is stored as empty. Contributing the same externalId again updates your record (or reports UNCHANGED). */
export type PersonInput = {
  /** Postal address (free text, max 500). */
  address?: string | null | undefined;
  /** Other names (nicknames, names on other documents); max 20. */
  aliases?: Array<string> | null | undefined;
  /** Date of birth (YYYY-MM-DD); not in the future. */
  birthDate?: string | null | undefined;
  /** Identity documents (max 10). Your previous list is replaced. */
  documents?: Array<IdentityDocumentInput> | null | undefined;
  /** E-mail address. */
  email?: string | null | undefined;
  /** Optimistic concurrency: the version you last read. If the hub holds another version the record is REJECTED with VERSION_CONFLICT and currentVersion. 0 means: the record must not exist yet. Omit to skip the check. */
  expectedVersion?: number | null | undefined;
  /** Your identifier for this record in your own system (e.g. PMI-2026-000123); with your agency code it identifies the record in the hub. Max 200 characters. */
  externalId: string;
  /** Full name as your agency records it. A person needs a fullName or at least one document. */
  fullName?: string | null | undefined;
  /** Citizenships, ISO 3166-1 alpha-2 (max 5). */
  nationality?: Array<string> | null | undefined;
  /** Home region, kode wilayah at any level known to the hub (e.g. 61.03). */
  originRegionCode?: string | null | undefined;
  /** Phone number, preferably E.164 (+62...). */
  phone?: string | null | undefined;
  /** Sex (HTCDS prs_Gender). Indonesian documents: L -> Masculine, P -> Feminine. */
  sex?: Sex | null | undefined;
  /** Your system the record comes from, e.g. SISKOP2MI, SIMKIM, EMP, SIKS-NG, SIMFONI-PPA (2-40 letters, digits, . _ -; stored upper-case). */
  sourceSystem: string;
};

/** Points at a person. Give exactly one of: `id` (hub Person id), `externalId` (+ `sourceAgency` for another agency's person record; the Person it was merged into is used), or `document` (NIK or passport recorded by any agency). */
export type PersonReferenceInput = {
  /** An identity document of the person. */
  document?: DocumentReferenceInput | null | undefined;
  /** That agency's externalId for its person record (contributePerson). */
  externalId?: string | null | undefined;
  /** Hub id of the Person. */
  id?: string | number | null | undefined;
  /** Agency code that contributed the person record. Defaults to your own agency. */
  sourceAgency?: string | null | undefined;
};

/** Stage of a criminal proceeding (KUHAP). */
export type ProceedingStage =
  /** Under appeal (banding / kasasi). */
  | 'APPEAL'
  /** P21: case file declared complete and handed to the prosecutor. */
  | 'CASE_FILE_COMPLETE'
  /** Penyidikan: investigation with suspects named. */
  | 'INVESTIGATION'
  /** Penyelidikan: inquiry whether a crime occurred. */
  | 'PRELIMINARY_INVESTIGATION'
  /** Penuntutan: prosecution. */
  | 'PROSECUTION'
  /** Police report filed (laporan polisi). */
  | 'REPORTED'
  /** SP3: investigation terminated. */
  | 'TERMINATED'
  /** Trial in court. */
  | 'TRIAL'
  /** Verdict given. */
  | 'VERDICT';

/** Points at an existing record, whichever agency contributed it. Give either `id` (hub id), or `externalId` with `sourceAgency` (another agency's record; omit sourceAgency for your own). Linking never changes the referenced record. */
export type RecordReferenceInput = {
  /** That agency's externalId for the record. */
  externalId?: string | null | undefined;
  /** Hub id of the record (the `id` returned by a contribution or a query). */
  id?: string | number | null | undefined;
  /** Agency code that contributed the record, e.g. POLDA-KALBAR. Defaults to your own agency. */
  sourceAgency?: string | null | undefined;
};

/** HTCDS vic_RecruitmentWebsitesAndApps: websites or apps used to recruit the victim. */
export type RecruitmentApp =
  /** Facebook. */
  | 'Facebook'
  /** Facebook Messenger. */
  | 'FacebookMessenger'
  /** Instagram. */
  | 'Instagram'
  /** LINE. */
  | 'Line'
  /** Any other website or app. */
  | 'Other'
  /** QQ. */
  | 'QQ'
  /** Snapchat. */
  | 'SnapChat'
  /** Telegram. */
  | 'Telegram'
  /** TikTok. */
  | 'TikTok'
  /** Twitter / X. */
  | 'Twitter'
  /** Viber. */
  | 'Viber'
  /** WeChat. */
  | 'WeChat'
  /** WhatsApp. */
  | 'WhatsApp';

/** HTCDS vic_MethodOfRecruitment. */
export type RecruitmentMethod =
  /** At a place of business. */
  | 'AtAPlaceOfBusiness'
  /** At a school or college (e.g. internship schemes). */
  | 'AtAnEducationalInstitution'
  /** At the victim's workplace. */
  | 'AtWork'
  /** Any other method. */
  | 'Other'
  /** Through a newspaper advert. */
  | 'ThroughANewspaperAdvert'
  /** Through a television advert. */
  | 'ThroughATelevisionAdvert'
  /** Through an online advertisement. */
  | 'ThroughAnOnlineAdvertisement'
  /** Through family or family events. */
  | 'ThroughFamilyOrFamilyEvents'
  /** Through friends or social events. */
  | 'ThroughFriendsOrSocialEvents'
  /** Through online social networks. */
  | 'ThroughOnlineSocialNetworks';

/** Where a service referral stands. */
export type ReferralStatus =
  /** Accepted by the receiving organization. */
  | 'ACCEPTED'
  /** Service delivered. */
  | 'COMPLETED'
  /** Declined by the receiving organization (see declineReason). */
  | 'DECLINED'
  /** Service is being delivered. */
  | 'IN_PROGRESS'
  /** Sent; the receiving organization has not answered yet. */
  | 'REQUESTED';

/** HTCDS vic_RelationshipToTrafficker (value names as in HTCDS, including its spelling). */
export type RelationshipToTrafficker =
  /** Known to the victim (friend, neighbour, acquaintance). */
  | 'Acquainted'
  /** Family member. */
  | 'Familial'
  /** Stranger (HTCDS spelling). */
  | 'Unaquainted';

/** A person brought home from abroad. Send the complete record every time: a field you omit or set to null is stored as empty. Contributing the same externalId again updates your record (or reports UNCHANGED). */
export type RepatriationInput = {
  /** Where the person arrived. */
  arrivalPoint: BorderPost;
  /** Arrival date; not in the future. */
  arrivedAt: string;
  /** A case the repatriation belongs to. */
  case?: RecordReferenceInput | null | undefined;
  /** Optimistic concurrency: the version you last read. If the hub holds another version the record is REJECTED with VERSION_CONFLICT and currentVersion. 0 means: the record must not exist yet. Omit to skip the check. */
  expectedVersion?: number | null | undefined;
  /** Your identifier for this record in your own system (e.g. REP-2026-031); with your agency code it identifies the record in the hub. Max 200 characters. */
  externalId: string;
  /** Country returned from (ISO 3166-1 alpha-2, not ID). */
  fromCountry: string;
  /** Who was repatriated. */
  person: PersonReferenceInput;
  /** Organization that received the person (shelter, Dinas Sosial, BP3MI). */
  receivingOrganization?: RecordReferenceInput | null | undefined;
  /** Your system the record comes from, e.g. SISKOP2MI, SIMKIM, EMP, SIKS-NG, SIMFONI-PPA (2-40 letters, digits, . _ -; stored upper-case). */
  sourceSystem: string;
};

/** A referral of a person to a service. Status and timestamps must agree: ACCEPTED needs acceptedAt; IN_PROGRESS acceptedAt and startedAt; COMPLETED acceptedAt, startedAt and completedAt; DECLINED declinedAt; and no timestamp of a later step. requestedAt <= acceptedAt <= startedAt <= completedAt. A stored referral only moves forward (COMPLETED and DECLINED are final). Send the complete record every time: a field you omit or set to null is stored as empty. Contributing the same externalId again updates your record (or reports UNCHANGED). */
export type ServiceReferralInput = {
  /** When it was accepted. */
  acceptedAt?: string | null | undefined;
  /** A case the referral belongs to (any agency's). */
  case?: RecordReferenceInput | null | undefined;
  /** When the service was completed. */
  completedAt?: string | null | undefined;
  /** Why it was declined (status DECLINED only). */
  declineReason?: string | null | undefined;
  /** When it was declined (status DECLINED). */
  declinedAt?: string | null | undefined;
  /** Optimistic concurrency: the version you last read. If the hub holds another version the record is REJECTED with VERSION_CONFLICT and currentVersion. 0 means: the record must not exist yet. Omit to skip the check. */
  expectedVersion?: number | null | undefined;
  /** Your identifier for this record in your own system (e.g. SIKS-RUJ-2026-0007); with your agency code it identifies the record in the hub. Max 200 characters. */
  externalId: string;
  /** Referring organization. Default: your own agency's organization record (Organization.code = your agency). */
  fromOrganization?: RecordReferenceInput | null | undefined;
  /** Notes (max 5,000). Contains personal data: protected like identity fields. */
  notes?: string | null | undefined;
  /** Who is referred. */
  person: PersonReferenceInput;
  /** When the referral was made; not in the future. */
  requestedAt: string;
  /** Service asked for. */
  serviceType: ServiceType;
  /** Your system the record comes from, e.g. SISKOP2MI, SIMKIM, EMP, SIKS-NG, SIMFONI-PPA (2-40 letters, digits, . _ -; stored upper-case). */
  sourceSystem: string;
  /** When the service started. */
  startedAt?: string | null | undefined;
  /** Where the referral stands. Default REQUESTED. */
  status?: ReferralStatus | null | undefined;
  /** Organization referred to. */
  toOrganization: RecordReferenceInput;
};

/** A service a victim needs or is referred to (HTCDS spl_Type, mapped to local service names). */
export type ServiceType =
  /** Livelihood and economic empowerment. */
  | 'ECONOMIC_EMPOWERMENT'
  /** Legal aid and representation, incl. restitution claims. */
  | 'LEGAL_AID'
  /** Medical care. */
  | 'MEDICAL'
  /** Psychological support and counselling. */
  | 'PSYCHOLOGICAL'
  /** Return to family and community. */
  | 'REINTEGRATION'
  /** Return from abroad to Indonesia / the home region. */
  | 'REPATRIATION'
  /** Safe house / shelter (rumah aman, RPTC). */
  | 'SHELTER'
  /** Social rehabilitation (Dinas Sosial). */
  | 'SOCIAL_REHABILITATION';

/** HTCDS prs_Gender picklist. Indonesian documents: L -> Masculine, P -> Feminine. */
export type Sex =
  /** Female (P on Indonesian documents). */
  | 'Feminine'
  /** Male (L on Indonesian documents). */
  | 'Masculine'
  /** Gender non-conforming. */
  | 'NonConforming'
  /** Not specified or unknown. */
  | 'NonSpecifiedUnknown'
  /** Transgender woman. */
  | 'TransgenderFeminine'
  /** Transgender man. */
  | 'TransgenderMasculine';

/** HTCDS vic_TypeOfSexExploitation. */
export type SexExploitationType =
  /** Pornography. */
  | 'Pornography'
  /** Private sexual services. */
  | 'PrivateSexualServices'
  /** Prostitution. */
  | 'Prostitution'
  /** Remote interactive sexual services (webcam, live streaming). */
  | 'RemoteInteractiveServices';

/** HTCDS vic_TraffickingStatus. */
export type TraffickingStatus =
  /** Confirmed victim of trafficking. */
  | 'ActualVictimOfTrafficking'
  /** Assessed as not trafficked (e.g. smuggled or non-procedural migrant). */
  | 'NotAVictimOfTrafficking'
  /** Indicators present; not yet confirmed. */
  | 'PossibleVictimOfTrafficking';

/** Who raised an early warning. */
export type WarningSource =
  /** A government agency. */
  | 'AGENCY'
  /** A community member (village head, family, hotline). */
  | 'COMMUNITY'
  /** An LTSA desk officer. */
  | 'LTSA'
  /** A non-governmental organization. */
  | 'NGO';

/** Handling status of an early-warning report. */
export type WarningStatus =
  /** Closed without further action or resolved. */
  | 'CLOSED'
  /** Escalated to an agency (often linked to a case). */
  | 'ESCALATED'
  /** Received, not yet reviewed. */
  | 'NEW'
  /** Being reviewed. */
  | 'UNDER_REVIEW';

export type RegionsQueryVariables = Exact<{
  parentCode?: string | null | undefined;
}>;


export type RegionsQuery = { regions: Array<{ code: string, name: string }> };

export type CasesInRegionQueryVariables = Exact<{
  region: string;
  first?: number | null | undefined;
}>;


export type CasesInRegionQuery = { cases: { totalCount: number, edges: Array<{ node: { id: string, status: CaseStatus, modus: Array<Modus> | null, destinationCountry: string | null, identifiedAt: string | null } | null }> } | null };

export type ContributeMutationVariables = Exact<{
  records: Array<ContributionInput> | ContributionInput;
}>;


export type ContributeMutation = { contribute: Array<{ index: number, recordType: ContributionRecordType | null, externalId: string | null, status: ContributionStatus, id: string | null, version: number | null, currentVersion: number | null, errors: Array<{ path: Array<string>, code: FieldErrorCode, message: string }>, warnings: Array<{ path: Array<string>, code: FieldErrorCode, message: string }> }> | null };


export const RegionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Regions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"parentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RegionsQuery, RegionsQueryVariables>;
export const CasesInRegionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CasesInRegion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"modus"}},{"kind":"Field","name":{"kind":"Name","value":"destinationCountry"}},{"kind":"Field","name":{"kind":"Name","value":"identifiedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CasesInRegionQuery, CasesInRegionQueryVariables>;
export const ContributeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Contribute"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"records"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ContributionInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"records"},"value":{"kind":"Variable","name":{"kind":"Name","value":"records"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"recordType"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ContributeMutation, ContributeMutationVariables>;