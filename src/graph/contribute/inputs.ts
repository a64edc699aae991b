// Input types for contributions. GraphQL checks types and enum values; everything else
// (formats, dates, references, vocabularies again) is validated by src/contribute/, which
// reports per-field errors instead of failing the whole request.
import { ASSIGNMENT_PURPOSES } from "../../contribute";
import { builder } from "../builder";
import {
  AgencyTypeEnum,
  BorderPostEnum,
  CaseStatusEnum,
  ControlMethodEnum,
  CrossingDirectionEnum,
  ExploitationTypeEnum,
  IdentityDocumentTypeEnum,
  IndustryEnum,
  LicenceStatusEnum,
  ModusEnum,
  OrganizationKindEnum,
  ParticipantRoleEnum,
  PerpetratorRoleEnum,
  ProceedingStageEnum,
  RecruitmentAppEnum,
  RecruitmentMethodEnum,
  ReferralStatusEnum,
  RelationshipToTraffickerEnum,
  ServiceTypeEnum,
  SexEnum,
  SexExploitationTypeEnum,
  TraffickingStatusEnum,
  WarningSourceEnum,
  WarningStatusEnum,
} from "../enums";

type InputFieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

const UPSERT_NOTE =
  " Send the complete record every time: a field you omit or set to null is stored as empty. Contributing the same externalId again updates your record (or reports UNCHANGED).";

/** externalId, sourceSystem, expectedVersion: the same on every record input. */
const provenanceFields = (t: InputFieldBuilder, example: string) => ({
  externalId: t.string({
    required: true,
    description: `Your identifier for this record in your own system (e.g. ${example}); with your agency code it identifies the record in the hub. Max 200 characters.`,
  }),
  sourceSystem: t.string({
    required: true,
    description: "Your system the record comes from, e.g. SISKOP2MI, SIMKIM, EMP, SIKS-NG, SIMFONI-PPA (2-40 letters, digits, . _ -; stored upper-case).",
  }),
  expectedVersion: t.int({
    required: false,
    description:
      "Optimistic concurrency: the version you last read. If the hub holds another version the record is REJECTED with VERSION_CONFLICT and currentVersion. 0 means: the record must not exist yet. Omit to skip the check.",
  }),
});

// ---------------------------------------------------------------- references

export const RecordReferenceInput = builder.inputType("RecordReferenceInput", {
  description:
    "Points at an existing record, whichever agency contributed it. Give either `id` (hub id), or `externalId` with `sourceAgency` (another agency's record; omit sourceAgency for your own). Linking never changes the referenced record.",
  fields: (t) => ({
    id: t.id({ required: false, description: "Hub id of the record (the `id` returned by a contribution or a query)." }),
    sourceAgency: t.string({ required: false, description: "Agency code that contributed the record, e.g. POLDA-KALBAR. Defaults to your own agency." }),
    externalId: t.string({ required: false, description: "That agency's externalId for the record." }),
  }),
});

export const DocumentReferenceInput = builder.inputType("DocumentReferenceInput", {
  description: "Finds a person by an identity document any agency recorded.",
  fields: (t) => ({
    type: t.field({ type: IdentityDocumentTypeEnum, required: true, description: "NIK or PASSPORT (other documents are not unique to one person)." }),
    number: t.string({ required: true, description: "Document number; spaces (and dots in a NIK) are ignored, letters are upper-cased." }),
    issuingCountry: t.string({ required: false, description: "ISO 3166-1 alpha-2 country that issued it. Default ID." }),
  }),
});

export const PersonReferenceInput = builder.inputType("PersonReferenceInput", {
  description:
    "Points at a person. Give exactly one of: `id` (hub Person id), `externalId` (+ `sourceAgency` for another agency's person record; the Person it was merged into is used), or `document` (NIK or passport recorded by any agency).",
  fields: (t) => ({
    id: t.id({ required: false, description: "Hub id of the Person." }),
    sourceAgency: t.string({ required: false, description: "Agency code that contributed the person record. Defaults to your own agency." }),
    externalId: t.string({ required: false, description: "That agency's externalId for its person record (contributePerson)." }),
    document: t.field({ type: DocumentReferenceInput, required: false, description: "An identity document of the person." }),
  }),
});

// ---------------------------------------------------------------- organization

export const OrganizationInput = builder.inputType("OrganizationInput", {
  description: `An organization: a government agency, a P3MI placement company, an employer, NGO, shelter or health service.${UPSERT_NOTE}`,
  fields: (t) => ({
    ...provenanceFields(t, "P3MI-0042"),
    code: t.string({
      required: false,
      description:
        "Agency code used in tokens (kind AGENCY only), e.g. DINSOS-KALBAR. You can register only your own agency's code; it gives your statements about persons their precedence (agencyType).",
    }),
    name: t.string({ required: true, description: "Official name, e.g. PT Sinar Jaya Abadi, Dinas Sosial Provinsi Kalimantan Barat." }),
    kind: t.field({ type: OrganizationKindEnum, required: true, description: "What kind of organization it is." }),
    agencyType: t.field({ type: AgencyTypeEnum, required: false, description: "Function of a government agency (kind AGENCY only)." }),
    regionCode: t.string({ required: false, description: "Kode wilayah of its seat (dotted, must be known to the hub), e.g. 61.71." }),
    country: t.string({ required: false, description: "ISO 3166-1 alpha-2 country of its seat (employers abroad: MY, SG, ...). Default ID." }),
    licenceNumber: t.string({ required: false, description: "Licence number, e.g. the SIP3MI of a P3MI company." }),
    licenceStatus: t.field({ type: LicenceStatusEnum, required: false, description: "Status of that licence; anything but NONE needs licenceNumber." }),
  }),
});

// ---------------------------------------------------------------- person

export const IdentityDocumentInput = builder.inputType("IdentityDocumentInput", {
  description:
    "An identity document. NIK: 16 digits PP KK CC DDMMYY SSSS (kabupaten/kota known to the hub, day +40 for women, real birth date, serial not 0000); a NIK that disagrees with the recorded sex or birth date is stored with a flag and reported in warnings, not rejected. Passport: Indonesian ones are 1-2 letters + 6-7 digits.",
  fields: (t) => ({
    type: t.field({ type: IdentityDocumentTypeEnum, required: true, description: "Document type." }),
    number: t.string({ required: true, description: "Document number; spaces (and dots in NIK/KK) are ignored, letters upper-cased." }),
    issuingCountry: t.string({ required: false, description: "ISO 3166-1 alpha-2 issuing country. Default ID; NIK and KK are always ID." }),
  }),
});

export const PersonInput = builder.inputType("PersonInput", {
  description:
    "What your agency knows about one person (HTCDS prs_). Stored as your agency's statement; the hub links it to the Person holding the same NIK or passport (number + issuing country), or creates a new Person, and recomputes the Person's shown values by the documented precedence. If your documents match two different Persons the record is REJECTED with IDENTITY_CONFLICT: persons are never merged automatically." +
    UPSERT_NOTE,
  fields: (t) => ({
    ...provenanceFields(t, "PMI-2026-000123"),
    fullName: t.string({ required: false, description: "Full name as your agency records it. A person needs a fullName or at least one document." }),
    aliases: t.stringList({ required: false, description: "Other names (nicknames, names on other documents); max 20." }),
    birthDate: t.field({ type: "Date", required: false, description: "Date of birth (YYYY-MM-DD); not in the future." }),
    sex: t.field({ type: SexEnum, required: false, description: "Sex (HTCDS prs_Gender). Indonesian documents: L -> Masculine, P -> Feminine." }),
    nationality: t.stringList({ required: false, description: "Citizenships, ISO 3166-1 alpha-2 (max 5)." }),
    originRegionCode: t.string({ required: false, description: "Home region, kode wilayah at any level known to the hub (e.g. 61.03)." }),
    phone: t.string({ required: false, description: "Phone number, preferably E.164 (+62...)." }),
    email: t.string({ required: false, description: "E-mail address." }),
    address: t.string({ required: false, description: "Postal address (free text, max 500)." }),
    documents: t.field({ type: [IdentityDocumentInput], required: false, description: "Identity documents (max 10). Your previous list is replaced." }),
  }),
});

// ---------------------------------------------------------------- case

export const CaseAssignmentPurposeEnum = builder.enumType("CaseAssignmentPurpose", {
  description: "Why an organization is assigned to a case.",
  values: {
    INVESTIGATION: { description: "Police unit investigating (penyelidikan / penyidikan)." },
    PROSECUTION: { description: "Prosecutor's office (Kejaksaan) handling the case." },
    CASE_MANAGEMENT: { description: "Case manager for the victims (Dinas Sosial, UPTD PPA)." },
    VICTIM_SERVICES: { description: "Provides services to the victims (shelter, health, rehabilitation)." },
    LEGAL_AID: { description: "Legal aid for the victims." },
    MIGRANT_WORKER_PROTECTION: { description: "BP3MI protecting migrant workers involved." },
  } satisfies Record<(typeof ASSIGNMENT_PURPOSES)[number], { description: string }>,
});

export const CaseAssignmentInput = builder.inputType("CaseAssignmentInput", {
  description: "An organization the case is assigned to, and why.",
  fields: (t) => ({
    organization: t.field({ type: RecordReferenceInput, required: true, description: "The organization (any agency's record)." }),
    purpose: t.field({ type: CaseAssignmentPurposeEnum, required: true, description: "Why it is assigned." }),
  }),
});

export const CaseInput = builder.inputType("CaseInput", {
  description: `A TPPO case (HTCDS cas_ and case-level vic_ fields).${UPSERT_NOTE}`,
  fields: (t) => ({
    ...provenanceFields(t, "LP/B/123/IV/2026/SPKT/POLDA KALBAR"),
    title: t.string({ required: false, description: "Short working title (max 300)." }),
    status: t.field({ type: CaseStatusEnum, required: false, description: "Case status. Default Active." }),
    modus: t.field({ type: [ModusEnum], required: false, description: "Modus operandi." }),
    exploitationTypes: t.field({ type: [ExploitationTypeEnum], required: false, description: "Types of exploitation (HTCDS vic_TypeOfExploitation)." }),
    sexExploitationTypes: t.field({
      type: [SexExploitationTypeEnum],
      required: false,
      description: "Forms of sexual exploitation; needs SexualExploitation in exploitationTypes.",
    }),
    forcedLabourIndustry: t.field({ type: IndustryEnum, required: false, description: "Industry of forced labour (ISIC Rev.4 section)." }),
    recruitmentMethods: t.field({ type: [RecruitmentMethodEnum], required: false, description: "How victims were recruited." }),
    controlMethods: t.field({ type: [ControlMethodEnum], required: false, description: "How victims were controlled." }),
    recruitmentApps: t.field({ type: [RecruitmentAppEnum], required: false, description: "Websites or apps used to recruit." }),
    originRegionCode: t.string({ required: false, description: "Where the victims come from (kode wilayah known to the hub)." }),
    recruitmentRegionCode: t.string({ required: false, description: "Where recruitment took place (kode wilayah known to the hub)." }),
    transitCountries: t.stringList({ required: false, description: "Countries passed through, in route order (ISO 3166-1 alpha-2)." }),
    transitBorderPost: t.field({ type: BorderPostEnum, required: false, description: "Where the victims left Indonesia." }),
    destinationCountry: t.string({ required: false, description: "Country of exploitation (ISO 3166-1 alpha-2; ID for domestic cases)." }),
    destinationCity: t.string({ required: false, description: "City of exploitation." }),
    identifiedAt: t.field({ type: "Date", required: false, description: "When the case was identified; not in the future." }),
    exploitationStartedAt: t.field({ type: "Date", required: false, description: "When exploitation began; not after exploitationEndedAt." }),
    exploitationEndedAt: t.field({ type: "Date", required: false, description: "When exploitation ended." }),
    closedAt: t.field({ type: "Date", required: false, description: "When the case was closed (status Closed or ClosedReferred only); not before identifiedAt." }),
    closureReason: t.string({ required: false, description: "Why it was closed (status Closed or ClosedReferred only)." }),
    summary: t.string({ required: false, description: "Narrative summary (max 10,000). Contains personal data: it is protected like identity fields." }),
    assignedOrganizations: t.field({
      type: [CaseAssignmentInput],
      required: false,
      description: "Organizations the case is assigned to (max 20). Your previous list is replaced.",
    }),
  }),
});

export const CaseParticipantInput = builder.inputType("CaseParticipantInput", {
  description: `A person's role in a case. Victim context (vic_) only for VICTIM (needs and consentAgencies also for WITNESS), perpetrator context (per_) only for SUSPECT.${UPSERT_NOTE}`,
  fields: (t) => ({
    ...provenanceFields(t, "LP-123/TSK-1"),
    case: t.field({ type: RecordReferenceInput, required: true, description: "The case (any agency's)." }),
    person: t.field({ type: PersonReferenceInput, required: true, description: "The person." }),
    role: t.field({ type: ParticipantRoleEnum, required: true, description: "Role in the case." }),
    traffickingStatus: t.field({ type: TraffickingStatusEnum, required: false, description: "HTCDS vic_TraffickingStatus (VICTIM only)." }),
    ageAtExploitation: t.int({
      required: false,
      description: "Age when trafficked, 0-120 (VICTIM only). isChild is derived from it (under 18) and cannot be sent.",
    }),
    needs: t.field({ type: [ServiceTypeEnum], required: false, description: "Services the person needs (VICTIM or WITNESS)." }),
    relationshipToTrafficker: t.field({ type: RelationshipToTraffickerEnum, required: false, description: "HTCDS vic_RelationshipToTrafficker (VICTIM only)." }),
    consentAgencies: t.stringList({
      required: false,
      description: "Agency codes the person consented to share their identity with (HTCDS con_Consent; VICTIM or WITNESS).",
    }),
    suspectRoles: t.field({ type: [PerpetratorRoleEnum], required: false, description: "HTCDS per_RoleInProcess (SUSPECT only)." }),
    suspectOrganization: t.field({ type: RecordReferenceInput, required: false, description: "Organization the suspect acted for, e.g. a P3MI (SUSPECT only)." }),
    roleDetails: t.string({ required: false, description: "HTCDS per_RoleDetails (SUSPECT only, max 2,000)." }),
  }),
});

// ---------------------------------------------------------------- around the case

export const MigrantPlacementInput = builder.inputType("MigrantPlacementInput", {
  description: `A migrant worker placement (BP3MI, SISKOP2MI). Planned departure and return dates may lie in the future.${UPSERT_NOTE}`,
  fields: (t) => ({
    ...provenanceFields(t, "SISKO-2026-0099812"),
    worker: t.field({ type: PersonReferenceInput, required: true, description: "The migrant worker (contribute the person first, or in the same batch before this record)." }),
    case: t.field({ type: RecordReferenceInput, required: false, description: "A case the placement is part of." }),
    p3mi: t.field({ type: RecordReferenceInput, required: false, description: "The placing company (organization of kind P3MI)." }),
    employer: t.field({ type: RecordReferenceInput, required: false, description: "The employer (organization of kind EMPLOYER)." }),
    destinationCountry: t.string({ required: true, description: "Country of work (ISO 3166-1 alpha-2)." }),
    destinationCity: t.string({ required: false, description: "City of work." }),
    jobTitle: t.string({ required: false, description: "Job (jabatan), e.g. Penata Laksana Rumah Tangga." }),
    industry: t.field({ type: IndustryEnum, required: false, description: "Industry (ISIC Rev.4 section)." }),
    procedural: t.boolean({ required: true, description: "Whether the placement followed the legal procedure (UU 18/2017)." }),
    idPmi: t.string({ required: false, description: "The worker's ID PMI (BP2MI migrant worker id)." }),
    departureDate: t.field({ type: "Date", required: false, description: "Departure date (actual or planned)." }),
    returnDate: t.field({ type: "Date", required: false, description: "Return or contract end date; not before departureDate." }),
  }),
});

export const BorderCrossingInput = builder.inputType("BorderCrossingInput", {
  description: `A border crossing (Imigrasi, SIMKIM), including deportations.${UPSERT_NOTE}`,
  fields: (t) => ({
    ...provenanceFields(t, "SIMKIM-ETK-20260314-0412"),
    person: t.field({ type: PersonReferenceInput, required: true, description: "Who crossed." }),
    case: t.field({ type: RecordReferenceInput, required: false, description: "A case the crossing belongs to." }),
    direction: t.field({ type: CrossingDirectionEnum, required: true, description: "EXIT from or ENTRY into Indonesia." }),
    post: t.field({ type: BorderPostEnum, required: true, description: "Where (PLBN, airport, seaport, informal path)." }),
    postName: t.string({ required: false, description: "Name of the place; required when post is OTHER." }),
    documentType: t.field({ type: IdentityDocumentTypeEnum, required: false, description: "Document shown (with documentNumber)." }),
    documentNumber: t.string({ required: false, description: "Number of the document shown (with documentType)." }),
    counterpartCountry: t.string({ required: false, description: "Country departed to or arrived from (ISO 3166-1 alpha-2)." }),
    crossedAt: t.field({ type: "DateTime", required: true, description: "When; not in the future (5 minutes clock skew allowed)." }),
    deportation: t.boolean({ required: false, description: "True for a deportation. Default false." }),
  }),
});

export const RepatriationInput = builder.inputType("RepatriationInput", {
  description: `A person brought home from abroad.${UPSERT_NOTE}`,
  fields: (t) => ({
    ...provenanceFields(t, "REP-2026-031"),
    person: t.field({ type: PersonReferenceInput, required: true, description: "Who was repatriated." }),
    case: t.field({ type: RecordReferenceInput, required: false, description: "A case the repatriation belongs to." }),
    fromCountry: t.string({ required: true, description: "Country returned from (ISO 3166-1 alpha-2, not ID)." }),
    arrivalPoint: t.field({ type: BorderPostEnum, required: true, description: "Where the person arrived." }),
    arrivedAt: t.field({ type: "Date", required: true, description: "Arrival date; not in the future." }),
    receivingOrganization: t.field({ type: RecordReferenceInput, required: false, description: "Organization that received the person (shelter, Dinas Sosial, BP3MI)." }),
  }),
});

export const ServiceReferralInput = builder.inputType("ServiceReferralInput", {
  description:
    "A referral of a person to a service. Status and timestamps must agree: ACCEPTED needs acceptedAt; IN_PROGRESS acceptedAt and startedAt; COMPLETED acceptedAt, startedAt and completedAt; DECLINED declinedAt; and no timestamp of a later step. requestedAt <= acceptedAt <= startedAt <= completedAt. A stored referral only moves forward (COMPLETED and DECLINED are final)." +
    UPSERT_NOTE,
  fields: (t) => ({
    ...provenanceFields(t, "SIKS-RUJ-2026-0007"),
    person: t.field({ type: PersonReferenceInput, required: true, description: "Who is referred." }),
    case: t.field({ type: RecordReferenceInput, required: false, description: "A case the referral belongs to (any agency's)." }),
    fromOrganization: t.field({
      type: RecordReferenceInput,
      required: false,
      description: "Referring organization. Default: your own agency's organization record (Organization.code = your agency).",
    }),
    toOrganization: t.field({ type: RecordReferenceInput, required: true, description: "Organization referred to." }),
    serviceType: t.field({ type: ServiceTypeEnum, required: true, description: "Service asked for." }),
    status: t.field({ type: ReferralStatusEnum, required: false, description: "Where the referral stands. Default REQUESTED." }),
    requestedAt: t.field({ type: "DateTime", required: true, description: "When the referral was made; not in the future." }),
    acceptedAt: t.field({ type: "DateTime", required: false, description: "When it was accepted." }),
    startedAt: t.field({ type: "DateTime", required: false, description: "When the service started." }),
    completedAt: t.field({ type: "DateTime", required: false, description: "When the service was completed." }),
    declinedAt: t.field({ type: "DateTime", required: false, description: "When it was declined (status DECLINED)." }),
    declineReason: t.string({ required: false, description: "Why it was declined (status DECLINED only)." }),
    notes: t.string({ required: false, description: "Notes (max 5,000). Contains personal data: protected like identity fields." }),
  }),
});

export const LegalProceedingInput = builder.inputType("LegalProceedingInput", {
  description: `A stage of a criminal proceeding in a case (police, prosecutor, court). Verdict fields apply from stage VERDICT on.${UPSERT_NOTE}`,
  fields: (t) => ({
    ...provenanceFields(t, "EMP-BP-2026-0145"),
    case: t.field({ type: RecordReferenceInput, required: true, description: "The case (any agency's)." }),
    policeReportNumber: t.string({ required: false, description: "Laporan polisi number, e.g. LP/B/123/IV/2026/SPKT/POLDA KALBAR." }),
    stage: t.field({ type: ProceedingStageEnum, required: true, description: "Stage reached." }),
    stageDate: t.field({ type: "Date", required: false, description: "When the stage was reached; not in the future." }),
    defendantName: t.string({ required: false, description: "Defendant's name as in the case file." }),
    courtName: t.string({ required: false, description: "Court, e.g. Pengadilan Negeri Sanggau." }),
    courtCaseNumber: t.string({ required: false, description: "Court case number." }),
    verdict: t.string({ required: false, description: "Verdict (VERDICT or APPEAL stage)." }),
    verdictDate: t.field({ type: "Date", required: false, description: "Verdict date (VERDICT or APPEAL stage)." }),
    sentenceMonths: t.int({ required: false, description: "Prison sentence in months, 0-1200 (VERDICT or APPEAL stage)." }),
    restitutionAmount: t.string({
      required: false,
      description: 'Restitution ordered, whole rupiah as a string of digits, e.g. "150000000" (VERDICT or APPEAL stage; UU 21/2007 Art. 48).',
    }),
  }),
});

export const EarlyWarningReportInput = builder.inputType("EarlyWarningReportInput", {
  description: `An early warning of suspected recruitment or departure (LTSA desk, community, NGO).${UPSERT_NOTE}`,
  fields: (t) => ({
    ...provenanceFields(t, "LTSA-PTK-2026-0311"),
    source: t.field({ type: WarningSourceEnum, required: true, description: "Who raised it." }),
    regionCode: t.string({ required: true, description: "Where (kode wilayah known to the hub)." }),
    status: t.field({ type: WarningStatusEnum, required: false, description: "Handling status. Default NEW." }),
    reportedAt: t.field({ type: "DateTime", required: true, description: "When it was reported; not in the future." }),
    description: t.string({ required: true, description: "What was observed (max 5,000). May contain personal data." }),
    suspectedRecruiter: t.string({ required: false, description: "Name or alias of the suspected recruiter (calo)." }),
    case: t.field({ type: RecordReferenceInput, required: false, description: "A case opened from this warning." }),
  }),
});

// ---------------------------------------------------------------- batch

export const ContributionInput = builder.inputType("ContributionInput", {
  description:
    "One record of a batch: set exactly one field (e.g. `{ person: {...} }` or `{ case: {...} }`). An entry with none or several is REJECTED with EXACTLY_ONE.",
  fields: (t) => ({
    person: t.field({ type: PersonInput, required: false, description: "A person (your agency's statement)." }),
    organization: t.field({ type: OrganizationInput, required: false, description: "An organization." }),
    case: t.field({ type: CaseInput, required: false, description: "A case." }),
    caseParticipant: t.field({ type: CaseParticipantInput, required: false, description: "A person's role in a case." }),
    migrantPlacement: t.field({ type: MigrantPlacementInput, required: false, description: "A migrant worker placement." }),
    borderCrossing: t.field({ type: BorderCrossingInput, required: false, description: "A border crossing." }),
    repatriation: t.field({ type: RepatriationInput, required: false, description: "A repatriation." }),
    serviceReferral: t.field({ type: ServiceReferralInput, required: false, description: "A service referral." }),
    legalProceeding: t.field({ type: LegalProceedingInput, required: false, description: "A legal proceeding." }),
    earlyWarningReport: t.field({ type: EarlyWarningReportInput, required: false, description: "An early-warning report." }),
  }),
});
