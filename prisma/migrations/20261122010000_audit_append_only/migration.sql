-- The audit log is append-only (docs/audit.md). Beyond what schema.prisma can model: these
-- triggers refuse UPDATE, DELETE and TRUNCATE on "AuditEntry" for everyone. The table owner or
-- a superuser can still switch them off (ALTER TABLE ... DISABLE TRIGGER USER, or
-- session_replication_role = replica); that is why entries are also hash-chained, and
-- `tppo-hub audit verify` detects any edit or deletion that gets past them.

CREATE OR REPLACE FUNCTION "audit_entry_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEntry is append-only: % is not allowed (audit entries can never be changed or removed; see docs/audit.md)', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'Verify the log with: tppo-hub audit verify';
END;
$$;

-- Statement-level, so the refusal also covers statements that match no row.
CREATE TRIGGER "AuditEntry_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"();

CREATE TRIGGER "AuditEntry_no_truncate"
  BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"();
