-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "createdByAgency" TEXT;

-- CreateIndex
CREATE INDEX "Person_createdByAgency_idx" ON "Person"("createdByAgency");

