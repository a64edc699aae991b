-- "AuditInbox" holds audit entries committed but not yet sealed into the hash chain (docs/audit.md,
-- "Group commit"). Nobody may change them, and only the sealer may remove them, in the same
-- transaction that inserts them into "AuditEntry": it sets tppo.audit_seal for that transaction.
-- Like the triggers on "AuditEntry" this stops mistakes and a hub role that does not own the
-- table, not the owner or a superuser; sealed entries are protected by the hash chain as well.

CREATE OR REPLACE FUNCTION "audit_inbox_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('tppo.audit_seal', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'AuditInbox holds audit entries waiting to be sealed: % is not allowed (see docs/audit.md)', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'Verify the log with: tppo-hub audit verify';
END;
$$;

CREATE TRIGGER "AuditInbox_guard"
  BEFORE UPDATE OR DELETE ON "AuditInbox"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_inbox_guard"();

CREATE TRIGGER "AuditInbox_no_truncate"
  BEFORE TRUNCATE ON "AuditInbox"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_inbox_guard"();
