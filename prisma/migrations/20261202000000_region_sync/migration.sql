-- Reference-data syncs (src/regions/sync.ts): a ledger of applied dataset versions, retired codes
-- kept with the version that dropped them, and the names a region had before a rename.
-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "retiredInVersion" TEXT;

-- CreateTable
CREATE TABLE "RegionName" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "replacedInVersion" TEXT NOT NULL,
    "replacedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegionName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegionSync" (
    "id" SERIAL NOT NULL,
    "dataset" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "provinces" INTEGER NOT NULL,
    "regencies" INTEGER NOT NULL,
    "districts" INTEGER NOT NULL,
    "villages" INTEGER NOT NULL,
    "added" INTEGER NOT NULL,
    "renamed" INTEGER NOT NULL,
    "retired" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegionSync_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegionName_code_idx" ON "RegionName"("code");

-- CreateIndex
CREATE UNIQUE INDEX "RegionSync_dataset_version_key" ON "RegionSync"("dataset", "version");

-- AddForeignKey
ALTER TABLE "RegionName" ADD CONSTRAINT "RegionName_code_fkey" FOREIGN KEY ("code") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

