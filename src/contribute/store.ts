// The provenance upsert every record type shares: keyed by (caller's agency, externalId), so an
// agency can only ever create or change its own records; unchanged input writes nothing.
import { fieldError, RecordRejected, unknownRegionMessage, type ContributionStatus } from "./result";
import type { Env, Tx } from "./env";
import type { Provenance } from "./schema-kit";

/** The part of a Prisma model delegate the upsert needs (all provenance models have it). */
export interface ProvenanceDelegate {
  findUnique(args: { where: { sourceAgency_externalId: { sourceAgency: string; externalId: string } } }): Promise<StoredRecord | null>;
  create(args: { data: Record<string, unknown>; select: { id: true; version: true } }): Promise<{ id: string; version: number }>;
  update(args: { where: { id: string }; data: Record<string, unknown>; select: { id: true; version: true } }): Promise<{ id: string; version: number }>;
}

export interface StoredRecord {
  id: string;
  version: number;
  sourceSystem: string;
  [field: string]: unknown;
}

export interface WriteOutcome {
  status: Exclude<ContributionStatus, "REJECTED">;
  id: string;
  version: number;
  fieldsWritten: string[];
  /** Ids for the audit entry when more than `id` was written (person: Person and statement). */
  recordIds?: string[];
}

/** Serialises writers of one key for the rest of the transaction (PostgreSQL and PGlite). */
export async function lockKey(tx: Tx, key: string): Promise<void> {
  await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1))", key);
}

/** Equality as stored: dates by instant, bigints by value, arrays element-wise, null == undefined. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a == null || b == null) return a == null && b == null;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (typeof a === "bigint" || typeof b === "bigint") return String(a) === String(b);
  return a === b;
}

const isEmpty = (v: unknown) => v == null || (Array.isArray(v) && v.length === 0);

/**
 * Optimistic concurrency: expectedVersion null skips the check; 0 means "must not exist yet";
 * anything else must equal the stored version.
 */
export function checkVersion(expected: number | null, existing: { version: number } | null): void {
  if (expected == null) return;
  const current = existing?.version ?? 0;
  if (expected !== current) {
    throw new RecordRejected(
      [
        fieldError(
          ["expectedVersion"],
          "VERSION_CONFLICT",
          existing
            ? `Your record is at version ${current}, not ${expected}. Fetch it again, reapply your change and resend with expectedVersion ${current}.`
            : `Your record does not exist yet; send expectedVersion 0 or omit it to create it.`,
        ),
      ],
      existing ? current : null,
    );
  }
}

/**
 * Creates the record, or updates the changed fields and bumps version, or does nothing.
 * `extraChanged` names changes the caller made outside the row (e.g. case assignments).
 */
export async function writeRecord(
  env: Env,
  delegate: ProvenanceDelegate,
  prov: Provenance,
  existing: StoredRecord | null,
  data: Record<string, unknown>,
  extraChanged: string[] = [],
): Promise<WriteOutcome> {
  const { contributor, now } = env;
  const diff = diffRecord(prov, existing, data, extraChanged);
  if (!existing) {
    const row = await delegate.create({
      data: {
        ...data,
        sourceAgency: contributor.agency,
        sourceSystem: prov.sourceSystem,
        externalId: prov.externalId,
        contributedAt: now,
        contributedBy: contributor.subject,
        version: 1,
      },
      select: { id: true, version: true },
    });
    return { status: "CREATED", id: row.id, version: row.version, fieldsWritten: diff.fieldsWritten };
  }
  if (diff.status === "UNCHANGED") {
    return { status: "UNCHANGED", id: existing.id, version: existing.version, fieldsWritten: [] };
  }
  const patch: Record<string, unknown> = {};
  for (const k of diff.changed) if (k !== "sourceSystem") patch[k] = data[k];
  // contributedAt stays the first contribution (updatedAt tells the last change); contributedBy
  // names the last writer: who is accountable for the values now stored.
  const row = await delegate.update({
    where: { id: existing.id },
    data: { ...patch, sourceSystem: prov.sourceSystem, contributedBy: contributor.subject, version: { increment: 1 } },
    select: { id: true, version: true },
  });
  return { status: "UPDATED", id: row.id, version: row.version, fieldsWritten: diff.fieldsWritten };
}

/**
 * What writeRecord would do, without doing it: CREATED (no stored row), UNCHANGED, or UPDATED
 * with the changed columns. The bulk path (bulk/segment.ts) decides with it too, so both agree.
 */
export function diffRecord(
  prov: Provenance,
  existing: StoredRecord | null,
  data: Record<string, unknown>,
  extraChanged: string[] = [],
): { status: Exclude<ContributionStatus, "REJECTED">; changed: string[]; fieldsWritten: string[] } {
  if (!existing) {
    const written = Object.keys(data).filter((k) => !isEmpty(data[k]));
    return { status: "CREATED", changed: [], fieldsWritten: [...written, ...extraChanged] };
  }
  const changed = Object.keys(data).filter((k) => !sameValue(existing[k], data[k]));
  if (existing.sourceSystem !== prov.sourceSystem) changed.push("sourceSystem");
  if (changed.length === 0 && extraChanged.length === 0) return { status: "UNCHANGED", changed, fieldsWritten: [] };
  return { status: "UPDATED", changed, fieldsWritten: [...changed, ...extraChanged] };
}

/** Collects UNKNOWN_REGION errors for codes not in Region (one query for the record). */
export async function checkRegions(env: Env, codes: Array<[path: (string | number)[], code: string | null | undefined]>): Promise<void> {
  const wanted = codes.filter((c): c is [(string | number)[], string] => !!c[1]);
  if (!wanted.length) return;
  const found = await env.tx.region.findMany({ where: { code: { in: [...new Set(wanted.map((c) => c[1]))] } }, select: { code: true } });
  const known = new Set(found.map((r) => r.code));
  for (const [path, code] of wanted) {
    if (!known.has(code)) env.errors.push(fieldError(path, "UNKNOWN_REGION", unknownRegionMessage(code)));
  }
}

/** Throws the collected errors, if any, rolling back the record's transaction. */
export function rejectIfErrors(env: Env): void {
  if (env.errors.length) throw new RecordRejected(env.errors);
}
