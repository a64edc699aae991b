// Controlled vocabularies stored as text[] (see prisma/schema.prisma) and exposed as GraphQL
// enums. HTCDS v2.0 value names unless marked as a local extension.
export const MODUS = [
  "CONTRACT_MARRIAGE",
  "MAIL_ORDER_BRIDE",
  "OVERSEAS_INTERNSHIP",
  "DOMESTIC_WORKER",
  "SHOP_KEEPER",
  "MANDARIN_TRANSLATOR",
  "SCAM_COMPOUND_IT_OPERATOR",
  "ILLEGAL_MIGRANT_WORKER_DISPATCH",
  "PLANTATION_WORKER",
  "ONLINE_RECRUITMENT",
  "OTHER",
] as const;

export const EXPLOITATION_TYPES = [
  "ForcedLabour",
  "SexualExploitation",
  "ChildLabour",
  "ForcedMarriage",
  "Servitude",
  "ForcedMilitaryByNonStateActors",
  "OrganRemoval",
  "ForcedBegging",
  "ForcedAdoption",
  "Surrogacy",
  "ForcedCriminality", // local extension: scam compounds
  "Other",
] as const;

export const SEX_EXPLOITATION_TYPES = ["Prostitution", "Pornography", "RemoteInteractiveServices", "PrivateSexualServices"] as const;

export const RECRUITMENT_METHODS = [
  "AtAPlaceOfBusiness",
  "AtAnEducationalInstitution",
  "AtWork",
  "ThroughOnlineSocialNetworks",
  "ThroughAnOnlineAdvertisement",
  "ThroughATelevisionAdvert",
  "ThroughANewspaperAdvert",
  "ThroughFamilyOrFamilyEvents",
  "ThroughFriendsOrSocialEvents",
  "Other",
] as const;

export const CONTROL_METHODS = [
  "PhysicalThreats",
  "ThreatsLawEnforcement",
  "ThreatensChildrenFamily",
  "DebtBondage",
  "FalsePromises",
  "PhysicalAbuse",
  "SexualAbuse",
  "TakesEarnings",
  "RestrictsFinancialAccess",
  "RestrictsMedicalCare",
  "WithholdsNecessities",
  "PsychologicalAbuse",
  "PsychoactiveSubstance",
  "ExcessiveWorkingHours",
  "WithholdsDocuments",
  "RestrictsMovement", // local extension (HTCDS definitions file, missing from its picklist)
  "Other",
] as const;

export const RECRUITMENT_APPS = [
  "Facebook",
  "Instagram",
  "WhatsApp",
  "Telegram",
  "FacebookMessenger",
  "Viber",
  "SnapChat",
  "Line",
  "WeChat",
  "QQ",
  "TikTok",
  "Twitter",
  "Other",
] as const;

export const PERPETRATOR_ROLES = [
  "TravellingPartner",
  "Transporter",
  "RecruiterOrIntermediary",
  "BrokerTravelAgent",
  "TransferredIndividual",
  "HarbouredIndividual",
  "SoldIndividual",
  "BoughtIndividual",
  "ReceivedIndividual",
  "ControlledIndividual",
  "Smuggler",
  "Abuser",
  "Kidnapper",
  "Exploiter",
  "Sponsor", // local extension: finances departure ("sponsor", "calo")
  "P3miCompany", // local extension: acting for a P3MI placement company
  "Other",
] as const;

/** Services a victim can need or be referred to (HTCDS spl_Type, mapped to local service names). */
export const SERVICE_TYPES = [
  "SHELTER",
  "MEDICAL",
  "PSYCHOLOGICAL",
  "LEGAL_AID",
  "SOCIAL_REHABILITATION",
  "REINTEGRATION",
  "ECONOMIC_EMPOWERMENT",
  "REPATRIATION",
] as const;

/** Which HTCDS exploitation types each modus usually maps to (domain.md §6); documentation and seed use it. */
export const MODUS_EXPLOITATION: Record<(typeof MODUS)[number], readonly (typeof EXPLOITATION_TYPES)[number][]> = {
  CONTRACT_MARRIAGE: ["ForcedMarriage", "Servitude"],
  MAIL_ORDER_BRIDE: ["ForcedMarriage", "ForcedLabour"],
  OVERSEAS_INTERNSHIP: ["ForcedLabour"],
  DOMESTIC_WORKER: ["ForcedLabour", "Servitude"],
  SHOP_KEEPER: ["SexualExploitation"],
  MANDARIN_TRANSLATOR: ["ForcedLabour", "ForcedCriminality"],
  SCAM_COMPOUND_IT_OPERATOR: ["ForcedLabour", "ForcedCriminality"],
  ILLEGAL_MIGRANT_WORKER_DISPATCH: ["ForcedLabour"],
  PLANTATION_WORKER: ["ForcedLabour"],
  ONLINE_RECRUITMENT: ["ForcedLabour"],
  OTHER: ["Other"],
};
