// The audit log, read-only: auditors page through it; no mutation exists that could change it.
import { AUDIT_ACTIONS, type AuditAction } from "../audit/chain";
import { auditSealer } from "../audit/sealer";
import type { Prisma } from "../generated/prisma/client.ts";
import { builder } from "./builder";
import { badInput, range, reads } from "./filters";

const ACTION_DESCRIPTIONS: Record<AuditAction, string> = {
  READ: "Fields of records were returned to the caller, in full or masked (decision ALLOW or MASK); statistics queries too (recordType Statistics).",
  WRITE: "A contribution stored, re-sent or rejected a record (decision CREATED, UPDATED, UNCHANGED or REJECTED).",
  DENIED: "Access was refused: a field answered FORBIDDEN (decision DENY), or a filter, sort or lookup refused before execution (DENY_FILTER) or introspection (DENY_INTROSPECTION). Names the type, records and fields, never values.",
  AUTH_FAILURE: "Reserved: a request failed authentication.",
};

export const AuditActionEnum = builder.enumType("AuditAction", {
  description: "What an audit entry records.",
  values: Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, { description: ACTION_DESCRIPTIONS[a] }])) as { [K in AuditAction]: { description: string } },
});

export const AuditEntryType = builder.prismaObject("AuditEntry", {
  description:
    "One entry of the append-only, hash-chained audit log: who (agency, roles, purpose) did what (action, operation) to which records and fields, and the outcome. Never holds values. " +
    "hash = sha256 over the entry's columns and prevHash, so editing or deleting an entry breaks the chain (docs/audit.md).",
  fields: (t) => ({
    seq: t.string({
      nullable: false,
      description: "Position in the log, 1, 2, 3, ... without gaps (a 64-bit integer, as a decimal string). A gap means an entry was deleted.",
      resolve: (e) => e.seq.toString(),
    }),
    at: t.expose("at", { type: "DateTime", nullable: false, description: "When the entry was appended (UTC, millisecond precision)." }),
    requestId: t.exposeString("requestId", {
      nullable: false,
      description: "The HTTP request's id (x-request-id response header); entries of one request share it.",
    }),
    agency: t.exposeString("agency", { description: "Agency code of the caller (from the token)." }),
    roles: t.exposeStringList("roles", { nullable: false, description: "Roles the caller's token carried." }),
    purpose: t.exposeString("purpose", { description: "Purpose of processing the token declared (UU 27/2022 Art. 16)." }),
    operationName: t.exposeString("operationName", { description: "Name of the GraphQL operation as the client sent it; null when anonymous." }),
    action: t.field({ type: AuditActionEnum, nullable: false, description: "What kind of access this was.", resolve: (e) => e.action as AuditAction }),
    recordType: t.exposeString("recordType", { description: "GraphQL type of the records (Person, Case, ...), or Statistics." }),
    recordIds: t.exposeStringList("recordIds", {
      nullable: false,
      description: "Hub ids of the records touched. Reads of many records are merged: every record listed had all listed fields touched.",
    }),
    fields: t.exposeStringList("fields", {
      nullable: false,
      description: "Names of the fields read or written (for statistics: measure, groupBy and filter names). Never values.",
    }),
    decision: t.exposeString("decision", {
      description:
        "READ: ALLOW (value returned), MASK (masked value returned) or SEARCH (the field was used to filter, sort or look up; no record ids, never the value searched for). WRITE: CREATED, UPDATED, UNCHANGED or REJECTED. DENIED: DENY, DENY_FILTER or DENY_INTROSPECTION.",
    }),
    prevHash: t.exposeString("prevHash", { nullable: false, description: "hash of the previous entry (64 zeros for the first)." }),
    hash: t.exposeString("hash", { nullable: false, description: "sha256 (hex) of this entry's canonical serialisation, see docs/audit.md." }),
  }),
});

const AuditLogFilter = builder.inputType("AuditLogFilter", {
  description: "Narrows the audit log. All given fields must match (AND).",
  fields: (t) => ({
    agency: t.string({ required: false, description: "Entries of callers from this agency (code, e.g. POLDA-KALBAR).", extensions: reads("AuditEntry.agency") }),
    action: t.field({ type: AuditActionEnum, required: false, description: "Entries of this action.", extensions: reads("AuditEntry.action") }),
    recordType: t.string({ required: false, description: "Entries about this record type (e.g. Person).", extensions: reads("AuditEntry.recordType") }),
    recordId: t.string({ required: false, description: "Entries that name this record id: who saw or changed the record.", extensions: reads("AuditEntry.recordIds") }),
    requestId: t.string({ required: false, description: "Entries of one request.", extensions: reads("AuditEntry.requestId") }),
    from: t.field({ type: "DateTime", required: false, description: "Entries appended at or after this instant.", extensions: reads("AuditEntry.at") }),
    to: t.field({ type: "DateTime", required: false, description: "Entries appended at or before this instant.", extensions: reads("AuditEntry.at") }),
  }),
});

type AuditLogFilterShape = typeof AuditLogFilter.$inferInput;

function auditWhere(f: AuditLogFilterShape | null | undefined): Prisma.AuditEntryWhereInput {
  if (!f) return {};
  const text = (v: string | null | undefined, name: string) => {
    if (v == null) return undefined;
    if (v.length === 0 || v.length > 200) throw badInput(`filter.${name}`, "must be 1 to 200 characters");
    return v;
  };
  const agency = text(f.agency, "agency");
  const recordType = text(f.recordType, "recordType");
  const recordId = text(f.recordId, "recordId");
  const requestId = text(f.requestId, "requestId");
  const at = range(f.from, f.to, "filter", "from", "to");
  return {
    ...(agency ? { agency } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(recordType ? { recordType } : {}),
    ...(recordId ? { recordIds: { has: recordId } } : {}),
    ...(requestId ? { requestId } : {}),
    ...(at ? { at } : {}),
  };
}

builder.queryFields((t) => ({
  auditLog: t.prismaConnection(
    {
      type: "AuditEntry",
      cursor: "seq",
      nullable: false,
      description:
        "The audit log, newest entry first. Relay cursor pagination (first/after or last/before); at most 100 per page. " +
        "Read-only: no operation can change or remove an entry. Check the whole chain with `tppo-hub audit verify`.",
      args: { filter: t.arg({ type: AuditLogFilter, required: false, description: "Optional filter." }) },
      resolve: async (query, _root, args, ctx) => {
        // Entries committed in the inbox (a contribution still answering, a script's) are sealed
        // first, so the auditor sees every committed entry, each with its seq.
        await auditSealer(ctx.db).sync();
        return ctx.db.prisma.auditEntry.findMany({ ...query, where: auditWhere(args.filter), orderBy: { seq: "desc" } });
      },
      totalCount: async (_conn, args, ctx) => {
        await auditSealer(ctx.db).sync(); // the same pass as the page's when they run together
        return ctx.db.prisma.auditEntry.count({ where: auditWhere(args.filter) });
      },
    },
    { name: "AuditEntryConnection", description: "A page of audit entries." },
    { name: "AuditEntryEdge", description: "An audit entry in a page." },
  ),
}));
