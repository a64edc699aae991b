-- CreateTable
CREATE TABLE "AuditInbox" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
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

    CONSTRAINT "AuditInbox_pkey" PRIMARY KEY ("id")
);

