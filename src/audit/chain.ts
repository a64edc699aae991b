// The hash chain: what an entry's hash covers and how it is serialised. Changing anything here
// breaks verification of every existing log, so the format is documented in docs/audit.md and
// any change needs a new format marker, never an edit.
import crypto from "node:crypto";

/** prevHash of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** READ and WRITE are what the hub records today; DENIED and AUTH_FAILURE are reserved. */
export const AUDIT_ACTIONS = ["READ", "WRITE", "DENIED", "AUTH_FAILURE"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Every column of "AuditEntry" except hash, in the order they are hashed. */
export interface ChainedEntry {
  seq: bigint;
  at: Date;
  requestId: string;
  agency: string | null;
  roles: readonly string[] | null;
  purpose: string | null;
  operationName: string | null;
  action: string;
  recordType: string | null;
  recordIds: readonly string[] | null;
  fields: readonly string[] | null;
  decision: string | null;
  prevHash: string;
}

/**
 * Canonical serialisation: a JSON array of the columns in a fixed order; seq as a decimal string,
 * at as ISO 8601 UTC with milliseconds (the column's precision), SQL NULL as null. JSON.stringify
 * of strings, arrays and null is deterministic, so any language can recompute it.
 */
/** An entry's own columns as SQL returns them to the raw driver (time as ISO text, lists may be NULL). */
export interface EntryColumnsRow {
  at: string;
  requestId: string;
  agency: string | null;
  roles: string[] | null;
  purpose: string | null;
  operationName: string | null;
  action: string;
  recordType: string | null;
  recordIds: string[] | null;
  fields: string[] | null;
  decision: string | null;
}

export function canonicalEntry(e: ChainedEntry): string {
  return JSON.stringify([
    e.seq.toString(),
    e.at.toISOString(),
    e.requestId,
    e.agency,
    e.roles,
    e.purpose,
    e.operationName,
    e.action,
    e.recordType,
    e.recordIds,
    e.fields,
    e.decision,
    e.prevHash,
  ]);
}

/** Lower-case hex sha256 of the canonical serialisation (UTF-8). */
export function hashEntry(e: ChainedEntry): string {
  return crypto.createHash("sha256").update(canonicalEntry(e), "utf8").digest("hex");
}
