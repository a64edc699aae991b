-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('AGENCY', 'P3MI', 'EMPLOYER', 'NGO', 'SHELTER', 'HEALTH_SERVICE', 'OTHER');

-- CreateEnum
CREATE TYPE "AgencyType" AS ENUM ('POLICE', 'PROSECUTOR', 'COURT', 'MIGRANT_WORKER_AGENCY', 'IMMIGRATION', 'SOCIAL_SERVICES', 'WOMEN_CHILD_PROTECTION', 'LEGAL_AID', 'LTSA', 'TASK_FORCE', 'HEALTH', 'OTHER');

-- CreateEnum
CREATE TYPE "LicenceStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'NONE');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('Feminine', 'Masculine', 'TransgenderFeminine', 'TransgenderMasculine', 'NonConforming', 'NonSpecifiedUnknown');

-- CreateEnum
CREATE TYPE "IdentityDocumentType" AS ENUM ('NIK', 'PASSPORT', 'KK', 'PLB', 'SPLP', 'ID_PMI', 'OTHER');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('Active', 'FollowUp', 'Closed', 'ClosedReferred');

-- CreateEnum
CREATE TYPE "Industry" AS ENUM ('A_AgricultureForestryAndFishing', 'B_MiningAndQuarrying', 'C_Manufacturing', 'D_ElectricityGasSteamAndAirConditioningSupply', 'E_WaterSupplySewerageWasteManagement', 'F_Construction', 'G_WholesaleAndRetailTrade', 'H_TransportationAndStorage', 'I_AccommodationAndFoodServiceActivities', 'J_InformationAndCommunication', 'K_FinancialAndInsuranceActivities', 'L_RealEstateActivities', 'M_ProfessionalScientificAndTechnicalActivities', 'N_AdministrativeAndSupportServiceActivities', 'O_PublicAdministrationAndDefence', 'P_Education', 'Q_HumanHealthAndSocialWorkActivities', 'R_ArtsEntertainmentAndRecreation', 'S_OtherServiceActivities', 'T_ActivitiesOfHouseholdsAsEmployers', 'U_ActivitiesOfExtraterritorialOrganizations');

-- CreateEnum
CREATE TYPE "BorderPost" AS ENUM ('PLBN_ENTIKONG', 'PLBN_ARUK', 'PLBN_NANGA_BADAU', 'PLBN_JAGOI_BABANG', 'PLBN_SEI_KELIK', 'SAJINGAN', 'AIRPORT_SUPADIO_PONTIANAK', 'AIRPORT_SYAMSUDIN_NOOR_BANJARMASIN', 'SEAPORT_DWIKORA_PONTIANAK', 'SEAPORT_TRISAKTI_BANJARMASIN', 'INFORMAL_PATH', 'OTHER');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('VICTIM', 'SUSPECT', 'WITNESS', 'REPORTER');

-- CreateEnum
CREATE TYPE "TraffickingStatus" AS ENUM ('PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking');

-- CreateEnum
CREATE TYPE "RelationshipToTrafficker" AS ENUM ('Familial', 'Acquainted', 'Unaquainted');

-- CreateEnum
CREATE TYPE "ServiceType" AS ENUM ('SHELTER', 'MEDICAL', 'PSYCHOLOGICAL', 'LEGAL_AID', 'SOCIAL_REHABILITATION', 'REINTEGRATION', 'ECONOMIC_EMPOWERMENT', 'REPATRIATION');

-- CreateEnum
CREATE TYPE "CrossingDirection" AS ENUM ('EXIT', 'ENTRY');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'DECLINED');

-- CreateEnum
CREATE TYPE "ProceedingStage" AS ENUM ('REPORTED', 'PRELIMINARY_INVESTIGATION', 'INVESTIGATION', 'CASE_FILE_COMPLETE', 'PROSECUTION', 'TRIAL', 'VERDICT', 'APPEAL', 'TERMINATED');

-- CreateEnum
CREATE TYPE "WarningSource" AS ENUM ('LTSA', 'COMMUNITY', 'NGO', 'AGENCY');

-- CreateEnum
CREATE TYPE "WarningStatus" AS ENUM ('NEW', 'UNDER_REVIEW', 'ESCALATED', 'CLOSED');

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "parentCode" TEXT,
    "codeSystem" TEXT NOT NULL DEFAULT 'KEMENDAGRI',
    "codeVersion" TEXT NOT NULL DEFAULT '300.2.2-2430/2025',

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "code" TEXT,
    "name" TEXT NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "agencyType" "AgencyType",
    "regionCode" TEXT,
    "country" TEXT NOT NULL DEFAULT 'ID',
    "licenceNumber" TEXT,
    "licenceStatus" "LicenceStatus",
    "sourceAgency" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "contributedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contributedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "fullName" TEXT,
    "aliases" TEXT[],
    "birthDate" DATE,
    "sex" "Sex",
    "nationality" TEXT[],
    "originRegionCode" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "address" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonStatement" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "fullName" TEXT,
    "aliases" TEXT[],
    "birthDate" DATE,
    "sex" "Sex",
    "nationality" TEXT[],
    "originRegionCode" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "address" TEXT,
    "sourceAgency" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "contributedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contributedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PersonStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityDocument" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "type" "IdentityDocumentType" NOT NULL,
    "number" TEXT NOT NULL,
    "issuingCountry" TEXT NOT NULL DEFAULT 'ID',
    "flags" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "title" TEXT,
    "status" "CaseStatus" NOT NULL DEFAULT 'Active',
    "modus" TEXT[],
    "exploitationTypes" TEXT[],
    "sexExploitationTypes" TEXT[],
    "forcedLabourIndustry" "Industry",
    "recruitmentMethods" TEXT[],
    "controlMethods" TEXT[],
    "recruitmentApps" TEXT[],
    "originRegionCode" TEXT,
    "recruitmentRegionCode" TEXT,
    "transitCountries" TEXT[],
    "transitBorderPost" "BorderPost",
    "destinationCountry" TEXT,
    "destinationCity" TEXT,
    "identifiedAt" DATE,
    "exploitationStartedAt" DATE,
    "exploitationEndedAt" DATE,
    "closedAt" DATE,
    "closureReason" TEXT,
    "summary" TEXT,
    "sourceAgency" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "contributedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contributedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseAssignment" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseParticipant" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "ParticipantRole" NOT NULL,
    "traffickingStatus" "TraffickingStatus",
    "ageAtExploitation" INTEGER,
    "isChild" BOOLEAN NOT NULL DEFAULT false,
    "needs" TEXT[],
    "relationshipToTrafficker" "RelationshipToTrafficker",
    "consentAgencies" TEXT[],
    "suspectRoles" TEXT[],
    "suspectOrganizationId" TEXT,
    "roleDetails" TEXT,
    "sourceAgency" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "contributedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contributedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CaseParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MigrantPlacement" (
    "id" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "caseId" TEXT,
    "p3miId" TEXT,
    "employerId" TEXT,
    "destinationCountry" TEXT NOT NULL,
    "destinationCity" TEXT,
    "jobTitle" TEXT,
    "industry" "Industry",
    "procedural" BOOLEAN NOT NULL,
    "idPmi" TEXT,
    "departureDate" DATE,
    "returnDate" DATE,
    "sourceAgency" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "contributedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contributedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "MigrantPlacement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BorderCrossing" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "caseId" TEXT,
    "direction" "CrossingDirection" NOT NULL,
    "post" "BorderPost" NOT NULL,
    "postName" TEXT,
    "documentType" "IdentityDocumentType",
    "documentNumber" TEXT,
    "counterpartCountry" TEXT,
    "crossedAt" TIMESTAMP(3) NOT NULL,
    "deportation" BOOLEAN NOT NULL DEFAULT false,
    "sourceAgency" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "contributedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contributedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "BorderCrossing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Repatriation" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "caseId" TEXT,
    "fromCountry" TEXT NOT NULL,
    "arrivalPoint" "BorderPost" NOT NULL,
    "arrivedAt" DATE NOT NULL,
    "receivingOrganizationId" TEXT,
    "sourceAgency" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "contributedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contributedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Repatriation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceReferral" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "caseId" TEXT,
    "fromOrganizationId" TEXT NOT NULL,
    "toOrganizationId" TEXT NOT NULL,
    "serviceType" "ServiceType" NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'REQUESTED',
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "declinedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "notes" TEXT,
    "sourceAgency" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "contributedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contributedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ServiceReferral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalProceeding" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "policeReportNumber" TEXT,
    "stage" "ProceedingStage" NOT NULL,
    "stageDate" DATE,
    "defendantName" TEXT,
    "courtName" TEXT,
    "courtCaseNumber" TEXT,
    "verdict" TEXT,
    "verdictDate" DATE,
    "sentenceMonths" INTEGER,
    "restitutionAmount" BIGINT,
    "sourceAgency" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "contributedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contributedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "LegalProceeding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EarlyWarningReport" (
    "id" TEXT NOT NULL,
    "source" "WarningSource" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "status" "WarningStatus" NOT NULL DEFAULT 'NEW',
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "description" TEXT NOT NULL,
    "suspectedRecruiter" TEXT,
    "caseId" TEXT,
    "sourceAgency" TEXT NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "contributedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contributedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "EarlyWarningReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestId" TEXT NOT NULL,
    "agency" TEXT,
    "roles" TEXT[],
    "purpose" TEXT,
    "operationName" TEXT,
    "action" TEXT NOT NULL,
    "recordType" TEXT,
    "recordIds" TEXT[],
    "fields" TEXT[],
    "decision" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode");

-- CreateIndex
CREATE INDEX "Region_level_idx" ON "Region"("level");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_code_key" ON "Organization"("code");

-- CreateIndex
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");

-- CreateIndex
CREATE INDEX "Organization_regionCode_idx" ON "Organization"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_sourceAgency_externalId_key" ON "Organization"("sourceAgency", "externalId");

-- CreateIndex
CREATE INDEX "Person_originRegionCode_idx" ON "Person"("originRegionCode");

-- CreateIndex
CREATE INDEX "Person_birthDate_idx" ON "Person"("birthDate");

-- CreateIndex
CREATE INDEX "Person_sex_idx" ON "Person"("sex");

-- CreateIndex
CREATE INDEX "PersonStatement_personId_idx" ON "PersonStatement"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonStatement_sourceAgency_externalId_key" ON "PersonStatement"("sourceAgency", "externalId");

-- CreateIndex
CREATE INDEX "IdentityDocument_type_number_idx" ON "IdentityDocument"("type", "number");

-- CreateIndex
CREATE INDEX "IdentityDocument_personId_idx" ON "IdentityDocument"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityDocument_statementId_type_number_issuingCountry_key" ON "IdentityDocument"("statementId", "type", "number", "issuingCountry");

-- CreateIndex
CREATE INDEX "Case_status_idx" ON "Case"("status");

-- CreateIndex
CREATE INDEX "Case_originRegionCode_idx" ON "Case"("originRegionCode");

-- CreateIndex
CREATE INDEX "Case_recruitmentRegionCode_idx" ON "Case"("recruitmentRegionCode");

-- CreateIndex
CREATE INDEX "Case_destinationCountry_idx" ON "Case"("destinationCountry");

-- CreateIndex
CREATE INDEX "Case_identifiedAt_idx" ON "Case"("identifiedAt");

-- CreateIndex
CREATE INDEX "Case_sourceAgency_idx" ON "Case"("sourceAgency");

-- CreateIndex
CREATE INDEX "Case_exploitationTypes_idx" ON "Case" USING GIN ("exploitationTypes");

-- CreateIndex
CREATE INDEX "Case_modus_idx" ON "Case" USING GIN ("modus");

-- CreateIndex
CREATE UNIQUE INDEX "Case_sourceAgency_externalId_key" ON "Case"("sourceAgency", "externalId");

-- CreateIndex
CREATE INDEX "CaseAssignment_organizationId_idx" ON "CaseAssignment"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseAssignment_caseId_organizationId_purpose_key" ON "CaseAssignment"("caseId", "organizationId", "purpose");

-- CreateIndex
CREATE INDEX "CaseParticipant_caseId_idx" ON "CaseParticipant"("caseId");

-- CreateIndex
CREATE INDEX "CaseParticipant_personId_idx" ON "CaseParticipant"("personId");

-- CreateIndex
CREATE INDEX "CaseParticipant_role_idx" ON "CaseParticipant"("role");

-- CreateIndex
CREATE UNIQUE INDEX "CaseParticipant_sourceAgency_externalId_key" ON "CaseParticipant"("sourceAgency", "externalId");

-- CreateIndex
CREATE INDEX "MigrantPlacement_workerId_idx" ON "MigrantPlacement"("workerId");

-- CreateIndex
CREATE INDEX "MigrantPlacement_caseId_idx" ON "MigrantPlacement"("caseId");

-- CreateIndex
CREATE INDEX "MigrantPlacement_p3miId_idx" ON "MigrantPlacement"("p3miId");

-- CreateIndex
CREATE INDEX "MigrantPlacement_destinationCountry_idx" ON "MigrantPlacement"("destinationCountry");

-- CreateIndex
CREATE INDEX "MigrantPlacement_departureDate_idx" ON "MigrantPlacement"("departureDate");

-- CreateIndex
CREATE UNIQUE INDEX "MigrantPlacement_sourceAgency_externalId_key" ON "MigrantPlacement"("sourceAgency", "externalId");

-- CreateIndex
CREATE INDEX "BorderCrossing_personId_idx" ON "BorderCrossing"("personId");

-- CreateIndex
CREATE INDEX "BorderCrossing_caseId_idx" ON "BorderCrossing"("caseId");

-- CreateIndex
CREATE INDEX "BorderCrossing_post_idx" ON "BorderCrossing"("post");

-- CreateIndex
CREATE INDEX "BorderCrossing_crossedAt_idx" ON "BorderCrossing"("crossedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BorderCrossing_sourceAgency_externalId_key" ON "BorderCrossing"("sourceAgency", "externalId");

-- CreateIndex
CREATE INDEX "Repatriation_personId_idx" ON "Repatriation"("personId");

-- CreateIndex
CREATE INDEX "Repatriation_caseId_idx" ON "Repatriation"("caseId");

-- CreateIndex
CREATE INDEX "Repatriation_arrivedAt_idx" ON "Repatriation"("arrivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Repatriation_sourceAgency_externalId_key" ON "Repatriation"("sourceAgency", "externalId");

-- CreateIndex
CREATE INDEX "ServiceReferral_personId_idx" ON "ServiceReferral"("personId");

-- CreateIndex
CREATE INDEX "ServiceReferral_caseId_idx" ON "ServiceReferral"("caseId");

-- CreateIndex
CREATE INDEX "ServiceReferral_toOrganizationId_idx" ON "ServiceReferral"("toOrganizationId");

-- CreateIndex
CREATE INDEX "ServiceReferral_fromOrganizationId_idx" ON "ServiceReferral"("fromOrganizationId");

-- CreateIndex
CREATE INDEX "ServiceReferral_status_idx" ON "ServiceReferral"("status");

-- CreateIndex
CREATE INDEX "ServiceReferral_requestedAt_idx" ON "ServiceReferral"("requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceReferral_sourceAgency_externalId_key" ON "ServiceReferral"("sourceAgency", "externalId");

-- CreateIndex
CREATE INDEX "LegalProceeding_caseId_idx" ON "LegalProceeding"("caseId");

-- CreateIndex
CREATE INDEX "LegalProceeding_stage_idx" ON "LegalProceeding"("stage");

-- CreateIndex
CREATE UNIQUE INDEX "LegalProceeding_sourceAgency_externalId_key" ON "LegalProceeding"("sourceAgency", "externalId");

-- CreateIndex
CREATE INDEX "EarlyWarningReport_regionCode_idx" ON "EarlyWarningReport"("regionCode");

-- CreateIndex
CREATE INDEX "EarlyWarningReport_status_idx" ON "EarlyWarningReport"("status");

-- CreateIndex
CREATE INDEX "EarlyWarningReport_reportedAt_idx" ON "EarlyWarningReport"("reportedAt");

-- CreateIndex
CREATE UNIQUE INDEX "EarlyWarningReport_sourceAgency_externalId_key" ON "EarlyWarningReport"("sourceAgency", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_hash_key" ON "AuditEntry"("hash");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_agency_idx" ON "AuditEntry"("agency");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_originRegionCode_fkey" FOREIGN KEY ("originRegionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonStatement" ADD CONSTRAINT "PersonStatement_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonStatement" ADD CONSTRAINT "PersonStatement_originRegionCode_fkey" FOREIGN KEY ("originRegionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityDocument" ADD CONSTRAINT "IdentityDocument_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityDocument" ADD CONSTRAINT "IdentityDocument_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "PersonStatement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_originRegionCode_fkey" FOREIGN KEY ("originRegionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_recruitmentRegionCode_fkey" FOREIGN KEY ("recruitmentRegionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAssignment" ADD CONSTRAINT "CaseAssignment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAssignment" ADD CONSTRAINT "CaseAssignment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseParticipant" ADD CONSTRAINT "CaseParticipant_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseParticipant" ADD CONSTRAINT "CaseParticipant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseParticipant" ADD CONSTRAINT "CaseParticipant_suspectOrganizationId_fkey" FOREIGN KEY ("suspectOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MigrantPlacement" ADD CONSTRAINT "MigrantPlacement_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MigrantPlacement" ADD CONSTRAINT "MigrantPlacement_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MigrantPlacement" ADD CONSTRAINT "MigrantPlacement_p3miId_fkey" FOREIGN KEY ("p3miId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MigrantPlacement" ADD CONSTRAINT "MigrantPlacement_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BorderCrossing" ADD CONSTRAINT "BorderCrossing_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BorderCrossing" ADD CONSTRAINT "BorderCrossing_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repatriation" ADD CONSTRAINT "Repatriation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repatriation" ADD CONSTRAINT "Repatriation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repatriation" ADD CONSTRAINT "Repatriation_receivingOrganizationId_fkey" FOREIGN KEY ("receivingOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceReferral" ADD CONSTRAINT "ServiceReferral_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceReferral" ADD CONSTRAINT "ServiceReferral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceReferral" ADD CONSTRAINT "ServiceReferral_fromOrganizationId_fkey" FOREIGN KEY ("fromOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceReferral" ADD CONSTRAINT "ServiceReferral_toOrganizationId_fkey" FOREIGN KEY ("toOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalProceeding" ADD CONSTRAINT "LegalProceeding_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EarlyWarningReport" ADD CONSTRAINT "EarlyWarningReport_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EarlyWarningReport" ADD CONSTRAINT "EarlyWarningReport_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

