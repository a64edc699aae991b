// GraphQL enums for every Prisma enum and every controlled vocabulary (src/domain/vocabulary.ts).
// Descriptions are typed as Record<Value, string>, so a value added to Prisma or the vocabulary
// without a description fails the typecheck instead of shipping undocumented.
import type {
  AgencyType,
  BorderPost,
  CaseStatus,
  CrossingDirection,
  IdentityDocumentType,
  Industry,
  LicenceStatus,
  OrganizationKind,
  ParticipantRole,
  ProceedingStage,
  ReferralStatus,
  RegionLevel,
  RelationshipToTrafficker,
  ServiceType,
  Sex,
  TraffickingStatus,
  WarningSource,
  WarningStatus,
} from "../generated/prisma/client.ts";
import type {
  CONTROL_METHODS,
  EXPLOITATION_TYPES,
  MODUS,
  PERPETRATOR_ROLES,
  RECRUITMENT_APPS,
  RECRUITMENT_METHODS,
  SEX_EXPLOITATION_TYPES,
} from "../domain/vocabulary";
import { builder } from "./builder";

type Described<V extends string> = Record<V, string>;

/** A text[] vocabulary column typed as its GraphQL enum (values are validated on contribution). */
export const asVocab = <E>(values: string[]) => values as E extends { $inferType: infer T } ? T[] : never;

function describedEnum<const V extends string>(name: string, description: string, values: Described<V>) {
  const config = Object.fromEntries(Object.entries(values).map(([value, d]) => [value, { description: d as string }]));
  return builder.enumType(name, { description, values: config as { [K in V]: { description: string } } });
}

// ---------------------------------------------------------------- reference data

export const RegionLevelEnum = describedEnum<RegionLevel>("RegionLevel", "Administrative level of a kode wilayah (Kemendagri).", {
  PROVINCE: "Provinsi, 2 digits (61 Kalimantan Barat, 63 Kalimantan Selatan).",
  REGENCY: "Kabupaten or kota, PP.KK (KK >= 71 is a kota).",
  DISTRICT: "Kecamatan, PP.KK.CC.",
  VILLAGE: "Desa (DDDD starting 2) or kelurahan (starting 1), PP.KK.CC.DDDD.",
});

export const OrganizationKindEnum = describedEnum<OrganizationKind>("OrganizationKind", "What kind of organization this is.", {
  AGENCY: "A government agency taking part in the hub (police, BP3MI, Imigrasi, Dinas Sosial, ...); see agencyType.",
  P3MI: "Perusahaan Penempatan Pekerja Migran Indonesia: a licensed (SIP3MI) migrant worker placement company.",
  EMPLOYER: "An employer, usually abroad, named in a placement.",
  NGO: "A non-governmental organization (case work, shelter, advocacy).",
  SHELTER: "A shelter (rumah aman / RPTC) receiving victims.",
  HEALTH_SERVICE: "A hospital, puskesmas or clinic receiving referrals.",
  OTHER: "Any other organization.",
});

export const AgencyTypeEnum = describedEnum<AgencyType>("AgencyType", "Function of a government agency; decides the precedence of its statements about persons.", {
  POLICE: "Police (Polda / Polres), investigators under UU 21/2007.",
  PROSECUTOR: "Prosecutor's office (Kejati / Kejari).",
  COURT: "Court (Pengadilan Negeri / Tinggi).",
  MIGRANT_WORKER_AGENCY: "BP2MI / BP3MI: migrant worker protection agency (SISKOP2MI).",
  IMMIGRATION: "Imigrasi: border crossings and travel documents (SIMKIM).",
  SOCIAL_SERVICES: "Dinas Sosial / Kemensos: rehabilitation and social services (SIKS-NG).",
  WOMEN_CHILD_PROTECTION: "DP3A / UPTD PPA: women and child protection (SIMFONI-PPA).",
  LEGAL_AID: "Legal aid provider (Kemenkum-accredited).",
  LTSA: "Layanan Terpadu Satu Atap: one-stop migrant worker service desk.",
  TASK_FORCE: "Gugus Tugas PP-TPPO (Perpres 49/2023), national, provincial or kabupaten/kota level.",
  HEALTH: "Health office or hospital.",
  OTHER: "Any other agency.",
});

export const LicenceStatusEnum = describedEnum<LicenceStatus>("LicenceStatus", "Status of a P3MI company licence (SIP3MI, issued via OSS).", {
  ACTIVE: "Licence valid: the company may place workers.",
  SUSPENDED: "Licence suspended: placements are non-procedural until lifted.",
  REVOKED: "Licence revoked.",
  EXPIRED: "Licence expired and not renewed.",
  NONE: "The company never held a licence.",
});

// ---------------------------------------------------------------- persons

export const SexEnum = describedEnum<Sex>("Sex", "HTCDS prs_Gender picklist. Indonesian documents: L -> Masculine, P -> Feminine.", {
  Feminine: "Female (P on Indonesian documents).",
  Masculine: "Male (L on Indonesian documents).",
  TransgenderFeminine: "Transgender woman.",
  TransgenderMasculine: "Transgender man.",
  NonConforming: "Gender non-conforming.",
  NonSpecifiedUnknown: "Not specified or unknown.",
});

export const IdentityDocumentTypeEnum = describedEnum<IdentityDocumentType>("IdentityDocumentType", "Type of an identity or travel document.", {
  NIK: "Nomor Induk Kependudukan, 16 digits (PP KK CC DDMMYY SSSS), issued by Dukcapil.",
  PASSPORT: "Passport; store the issuing country (ISO 3166-1 alpha-2).",
  KK: "Kartu Keluarga (family card) number, 16 digits.",
  PLB: "Pas Lintas Batas: border pass for residents of border districts.",
  SPLP: "Surat Perjalanan Laksana Paspor: emergency travel document, typically for deportees.",
  ID_PMI: "Migrant worker identity number issued by BP2MI (SISKOP2MI).",
  OTHER: "Any other document.",
});

// ---------------------------------------------------------------- cases

export const CaseStatusEnum = describedEnum<CaseStatus>("CaseStatus", "HTCDS cas_Status.", {
  Active: "Case open and being worked.",
  FollowUp: "Main work done; follow-up (services, proceedings) continues.",
  Closed: "Case closed (see closureReason).",
  ClosedReferred: "Closed here and referred to another organization.",
});

export const IndustryEnum = describedEnum<Industry>("Industry", "ISIC Rev.4 section (HTCDS vic_ForcedLabourIndustry).", {
  A_AgricultureForestryAndFishing: "ISIC A: agriculture, forestry and fishing (plantations, fishing boats).",
  B_MiningAndQuarrying: "ISIC B: mining and quarrying.",
  C_Manufacturing: "ISIC C: manufacturing (incl. palm oil mills).",
  D_ElectricityGasSteamAndAirConditioningSupply: "ISIC D: electricity, gas, steam and air conditioning supply.",
  E_WaterSupplySewerageWasteManagement: "ISIC E: water supply, sewerage, waste management.",
  F_Construction: "ISIC F: construction.",
  G_WholesaleAndRetailTrade: "ISIC G: wholesale and retail trade.",
  H_TransportationAndStorage: "ISIC H: transportation and storage.",
  I_AccommodationAndFoodServiceActivities: "ISIC I: accommodation and food service.",
  J_InformationAndCommunication: "ISIC J: information and communication.",
  K_FinancialAndInsuranceActivities: "ISIC K: financial and insurance activities.",
  L_RealEstateActivities: "ISIC L: real estate.",
  M_ProfessionalScientificAndTechnicalActivities: "ISIC M: professional, scientific and technical activities.",
  N_AdministrativeAndSupportServiceActivities: "ISIC N: administrative and support services (incl. scam compound call centres).",
  O_PublicAdministrationAndDefence: "ISIC O: public administration and defence.",
  P_Education: "ISIC P: education.",
  Q_HumanHealthAndSocialWorkActivities: "ISIC Q: human health and social work.",
  R_ArtsEntertainmentAndRecreation: "ISIC R: arts, entertainment and recreation (incl. online gambling).",
  S_OtherServiceActivities: "ISIC S: other service activities.",
  T_ActivitiesOfHouseholdsAsEmployers: "ISIC T: households as employers (domestic workers).",
  U_ActivitiesOfExtraterritorialOrganizations: "ISIC U: extraterritorial organizations.",
});

export const BorderPostEnum = describedEnum<BorderPost>("BorderPost", "Border crossing point or port of entry in Kalimantan.", {
  PLBN_ENTIKONG: "PLBN Entikong, Sanggau (kec. 61.03.21), opposite Tebedu, Sarawak.",
  PLBN_ARUK: "PLBN Aruk, Sambas (kec. Sajingan Besar 61.01.09), opposite Biawak, Sarawak.",
  PLBN_NANGA_BADAU: "PLBN Nanga Badau, Kapuas Hulu (kec. 61.06.14), opposite Lubok Antu, Sarawak.",
  PLBN_JAGOI_BABANG: "PLBN Jagoi Babang, Bengkayang (kec. 61.07.07), opposite Serikin, Sarawak.",
  PLBN_SEI_KELIK: "PLBN Sei Kelik, Sintang (planned).",
  SAJINGAN: "Sajingan crossing area, Sambas.",
  AIRPORT_SUPADIO_PONTIANAK: "Supadio airport, Pontianak (Kubu Raya).",
  AIRPORT_SYAMSUDIN_NOOR_BANJARMASIN: "Syamsudin Noor airport, Banjarbaru (Kalsel).",
  SEAPORT_DWIKORA_PONTIANAK: "Dwikora seaport, Pontianak.",
  SEAPORT_TRISAKTI_BANJARMASIN: "Trisakti seaport, Banjarmasin.",
  INFORMAL_PATH: "Informal path (jalan tikus), not an official post; see postName for the place.",
  OTHER: "Any other post; see postName.",
});

export const ParticipantRoleEnum = describedEnum<ParticipantRole>("ParticipantRole", "Role of a person in a case.", {
  VICTIM: "Victim or possible victim (HTCDS vic_ context applies).",
  SUSPECT: "Suspected perpetrator (HTCDS per_ context applies).",
  WITNESS: "Witness (saksi).",
  REPORTER: "Person who reported the case (pelapor), e.g. a family member.",
});

export const TraffickingStatusEnum = describedEnum<TraffickingStatus>("TraffickingStatus", "HTCDS vic_TraffickingStatus.", {
  PossibleVictimOfTrafficking: "Indicators present; not yet confirmed.",
  ActualVictimOfTrafficking: "Confirmed victim of trafficking.",
  NotAVictimOfTrafficking: "Assessed as not trafficked (e.g. smuggled or non-procedural migrant).",
});

export const RelationshipToTraffickerEnum = describedEnum<RelationshipToTrafficker>(
  "RelationshipToTrafficker",
  "HTCDS vic_RelationshipToTrafficker (value names as in HTCDS, including its spelling).",
  {
    Familial: "Family member.",
    Acquainted: "Known to the victim (friend, neighbour, acquaintance).",
    Unaquainted: "Stranger (HTCDS spelling).",
  },
);

export const ServiceTypeEnum = describedEnum<ServiceType>(
  "ServiceType",
  "A service a victim needs or is referred to (HTCDS spl_Type, mapped to local service names).",
  {
    SHELTER: "Safe house / shelter (rumah aman, RPTC).",
    MEDICAL: "Medical care.",
    PSYCHOLOGICAL: "Psychological support and counselling.",
    LEGAL_AID: "Legal aid and representation, incl. restitution claims.",
    SOCIAL_REHABILITATION: "Social rehabilitation (Dinas Sosial).",
    REINTEGRATION: "Return to family and community.",
    ECONOMIC_EMPOWERMENT: "Livelihood and economic empowerment.",
    REPATRIATION: "Return from abroad to Indonesia / the home region.",
  },
);

export const CrossingDirectionEnum = describedEnum<CrossingDirection>("CrossingDirection", "Direction of a border crossing, seen from Indonesia.", {
  EXIT: "Leaving Indonesia.",
  ENTRY: "Entering Indonesia.",
});

export const ReferralStatusEnum = describedEnum<ReferralStatus>("ReferralStatus", "Where a service referral stands.", {
  REQUESTED: "Sent; the receiving organization has not answered yet.",
  ACCEPTED: "Accepted by the receiving organization.",
  IN_PROGRESS: "Service is being delivered.",
  COMPLETED: "Service delivered.",
  DECLINED: "Declined by the receiving organization (see declineReason).",
});

export const ProceedingStageEnum = describedEnum<ProceedingStage>("ProceedingStage", "Stage of a criminal proceeding (KUHAP).", {
  REPORTED: "Police report filed (laporan polisi).",
  PRELIMINARY_INVESTIGATION: "Penyelidikan: inquiry whether a crime occurred.",
  INVESTIGATION: "Penyidikan: investigation with suspects named.",
  CASE_FILE_COMPLETE: "P21: case file declared complete and handed to the prosecutor.",
  PROSECUTION: "Penuntutan: prosecution.",
  TRIAL: "Trial in court.",
  VERDICT: "Verdict given.",
  APPEAL: "Under appeal (banding / kasasi).",
  TERMINATED: "SP3: investigation terminated.",
});

export const WarningSourceEnum = describedEnum<WarningSource>("WarningSource", "Who raised an early warning.", {
  LTSA: "An LTSA desk officer.",
  COMMUNITY: "A community member (village head, family, hotline).",
  NGO: "A non-governmental organization.",
  AGENCY: "A government agency.",
});

export const WarningStatusEnum = describedEnum<WarningStatus>("WarningStatus", "Handling status of an early-warning report.", {
  NEW: "Received, not yet reviewed.",
  UNDER_REVIEW: "Being reviewed.",
  ESCALATED: "Escalated to an agency (often linked to a case).",
  CLOSED: "Closed without further action or resolved.",
});

// ---------------------------------------------------------------- vocabularies (text[] columns)

export const ModusEnum = describedEnum<(typeof MODUS)[number]>(
  "Modus",
  "Modus operandi seen in Kalimantan (local vocabulary; see docs/data-model.md for its mapping to HTCDS exploitation types).",
  {
    CONTRACT_MARRIAGE: "Contract marriage (kawin kontrak) arranged by matchmakers, often with falsified ages.",
    MAIL_ORDER_BRIDE: "Mail-order bride (pengantin pesanan), typically to China, Hong Kong or Taiwan.",
    OVERSEAS_INTERNSHIP: "Overseas internship (magang) that turns into forced labour.",
    DOMESTIC_WORKER: "Domestic worker (ART) placement.",
    SHOP_KEEPER: "Promised shop-assistant job, forced into sex work.",
    MANDARIN_TRANSLATOR: "Recruited as a Mandarin translator, ending in a scam compound.",
    SCAM_COMPOUND_IT_OPERATOR: "IT / online-gambling operator in a scam compound (Cambodia, Myanmar, Thailand).",
    ILLEGAL_MIGRANT_WORKER_DISPATCH: "Non-procedural dispatch of migrant workers via PLBN or jalan tikus.",
    PLANTATION_WORKER: "Plantation or mill worker (Sarawak, Sabah).",
    ONLINE_RECRUITMENT: "Recruited through social media or online advertisements.",
    OTHER: "Any other modus.",
  },
);

export const ExploitationTypeEnum = describedEnum<(typeof EXPLOITATION_TYPES)[number]>("ExploitationType", "HTCDS vic_TypeOfExploitation.", {
  ForcedLabour: "Forced labour.",
  SexualExploitation: "Sexual exploitation (see sexExploitationTypes).",
  ChildLabour: "Child labour.",
  ForcedMarriage: "Forced marriage.",
  Servitude: "Servitude, incl. domestic servitude.",
  ForcedMilitaryByNonStateActors: "Forced military service by non-state actors.",
  OrganRemoval: "Organ removal.",
  ForcedBegging: "Forced begging.",
  ForcedAdoption: "Forced adoption.",
  Surrogacy: "Forced surrogacy.",
  ForcedCriminality: "Local extension: forced criminality, e.g. online scams in scam compounds.",
  Other: "Any other type.",
});

export const SexExploitationTypeEnum = describedEnum<(typeof SEX_EXPLOITATION_TYPES)[number]>(
  "SexExploitationType",
  "HTCDS vic_TypeOfSexExploitation.",
  {
    Prostitution: "Prostitution.",
    Pornography: "Pornography.",
    RemoteInteractiveServices: "Remote interactive sexual services (webcam, live streaming).",
    PrivateSexualServices: "Private sexual services.",
  },
);

export const RecruitmentMethodEnum = describedEnum<(typeof RECRUITMENT_METHODS)[number]>("RecruitmentMethod", "HTCDS vic_MethodOfRecruitment.", {
  AtAPlaceOfBusiness: "At a place of business.",
  AtAnEducationalInstitution: "At a school or college (e.g. internship schemes).",
  AtWork: "At the victim's workplace.",
  ThroughOnlineSocialNetworks: "Through online social networks.",
  ThroughAnOnlineAdvertisement: "Through an online advertisement.",
  ThroughATelevisionAdvert: "Through a television advert.",
  ThroughANewspaperAdvert: "Through a newspaper advert.",
  ThroughFamilyOrFamilyEvents: "Through family or family events.",
  ThroughFriendsOrSocialEvents: "Through friends or social events.",
  Other: "Any other method.",
});

export const ControlMethodEnum = describedEnum<(typeof CONTROL_METHODS)[number]>("ControlMethod", "HTCDS vic_MethodsOfControl.", {
  PhysicalThreats: "Threats of physical harm.",
  ThreatsLawEnforcement: "Threats of being reported to the police or immigration.",
  ThreatensChildrenFamily: "Threats against children or family.",
  DebtBondage: "Debt bondage.",
  FalsePromises: "False promises (job, pay, marriage).",
  PhysicalAbuse: "Physical abuse.",
  SexualAbuse: "Sexual abuse.",
  TakesEarnings: "Takes the victim's earnings.",
  RestrictsFinancialAccess: "Restricts access to money or bank accounts.",
  RestrictsMedicalCare: "Restricts medical care.",
  WithholdsNecessities: "Withholds food, sleep or other necessities.",
  PsychologicalAbuse: "Psychological abuse.",
  PsychoactiveSubstance: "Forces or induces use of psychoactive substances.",
  ExcessiveWorkingHours: "Excessive working hours.",
  WithholdsDocuments: "Withholds identity or travel documents.",
  RestrictsMovement: "Local extension (in the HTCDS definitions, missing from its picklist): restricts movement.",
  Other: "Any other method.",
});

export const RecruitmentAppEnum = describedEnum<(typeof RECRUITMENT_APPS)[number]>(
  "RecruitmentApp",
  "HTCDS vic_RecruitmentWebsitesAndApps: websites or apps used to recruit the victim.",
  {
    Facebook: "Facebook.",
    Instagram: "Instagram.",
    WhatsApp: "WhatsApp.",
    Telegram: "Telegram.",
    FacebookMessenger: "Facebook Messenger.",
    Viber: "Viber.",
    SnapChat: "Snapchat.",
    Line: "LINE.",
    WeChat: "WeChat.",
    QQ: "QQ.",
    TikTok: "TikTok.",
    Twitter: "Twitter / X.",
    Other: "Any other website or app.",
  },
);

export const PerpetratorRoleEnum = describedEnum<(typeof PERPETRATOR_ROLES)[number]>("PerpetratorRole", "HTCDS per_RoleInProcess.", {
  TravellingPartner: "Travelled with the victim.",
  Transporter: "Transported the victim.",
  RecruiterOrIntermediary: "Recruiter or intermediary (perekrut, calo).",
  BrokerTravelAgent: "Broker or travel agent.",
  TransferredIndividual: "Transferred the victim.",
  HarbouredIndividual: "Harboured the victim.",
  SoldIndividual: "Sold the victim.",
  BoughtIndividual: "Bought the victim.",
  ReceivedIndividual: "Received the victim.",
  ControlledIndividual: "Controlled the victim.",
  Smuggler: "Smuggler.",
  Abuser: "Abuser.",
  Kidnapper: "Kidnapper.",
  Exploiter: "Exploiter (employer, brothel owner, compound operator).",
  Sponsor: "Local extension: finances the departure (sponsor, calo).",
  P3miCompany: "Local extension: acted for a P3MI placement company.",
  Other: "Any other role.",
});
