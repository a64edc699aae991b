-- Links that may open row scopes (class 1 of issue 8). Existing rows predate the rule and are kept
-- as they were (true); from now on the contribute engine decides per record.
-- AlterTable
ALTER TABLE "CaseParticipant" ADD COLUMN     "opensScope" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "MigrantPlacement" ADD COLUMN     "opensScope" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "BorderCrossing" ADD COLUMN     "opensScope" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Repatriation" ADD COLUMN     "opensScope" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "ServiceReferral" ADD COLUMN     "opensScope" BOOLEAN NOT NULL DEFAULT true;

