// Dry runs: the whole batch in one transaction that is always rolled back. The engine's own
// transactions (one per record or per bulk run) become savepoints inside it, so each record is
// still all-or-nothing and a later record sees what an earlier one of the batch would have written
// (references inside a batch resolve as in a real run).
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Tx } from "./env";
import type { ContributeOptions } from "./engine";
import type { RecordResult } from "./result";

class RollBack extends Error {
  constructor(readonly results: RecordResult[]) {
    super("dry run: rolled back");
  }
}

/** A client over one open transaction whose $transaction opens a savepoint instead. */
function savepointClient(tx: Tx): PrismaClient {
  let n = 0;
  const nested = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const name = `dry_run_${++n}`;
    await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
    try {
      const result = await fn(tx);
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (err) {
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
      throw err;
    }
  };
  return new Proxy(tx as object, {
    get: (target, key) => (key === "$transaction" ? nested : (target as Record<string | symbol, unknown>)[key]),
  }) as PrismaClient;
}

/**
 * Runs `decide` against the batch's transaction and rolls it back. The audit hooks are kept out of
 * the transaction (their entries would roll back with it) and called after it for every decision:
 * a dry run still tells the caller whether a referenced person or record exists, so it is audited
 * like a real run (the callers mark the operation as a dry run). Metrics are not counted.
 */
export async function dryRun(opts: ContributeOptions, decide: (opts: ContributeOptions) => Promise<RecordResult[]>): Promise<RecordResult[]> {
  let results: RecordResult[] | undefined;
  try {
    await opts.prisma.$transaction(
      async (tx) => {
        const results = await decide({ ...opts, prisma: savepointClient(tx), dryRun: false, audit: undefined, auditMany: undefined, onResult: undefined });
        throw new RollBack(results);
      },
      { maxWait: 60_000, timeout: 300_000 },
    );
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
    results = err.results;
  }
  if (!results) throw new Error("dry run: transaction committed");
  const entries = results.map((r) => ({
    recordType: r.recordType ?? "Unknown",
    recordIds: r.id ? [r.id] : [],
    fields: r.fieldsWritten,
    decision: r.status,
  }));
  if (opts.auditMany) await opts.auditMany(entries);
  else for (const entry of entries) await opts.audit?.(entry);
  return results;
}
