// Works around a connection leak in Prisma 6.19 + @prisma/adapter-pg 6.19 (report:
// docs/upstream/prisma-adapter-pg-transaction-leak.md).
//
// Prisma's transaction manager closes an interactive transaction in two steps:
//   await tx.executeRaw("COMMIT" | "ROLLBACK");   // on the transaction's own pg client
//   await tx.commit() | tx.rollback();            // adapter-pg: client.release()
// When the first step throws (the backend was terminated, PostgreSQL restarted, the socket
// dropped), the second is never reached, so the pg client is never given back: the pool counts
// it as in use forever. After `max` such faults the pool is empty and every request waits for
// the acquire timeout. Here a failed COMMIT/ROLLBACK releases the client *with the error*, which
// makes pg-pool destroy it and open a fresh connection for the next caller.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import type { PoolClient } from "pg";

const CLOSING = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

/** adapter-pg's PgTransaction: the pool client it holds and the listener cleanup it runs on close. */
interface PgTransactionInternals {
  client?: PoolClient;
  cleanup?: () => void;
}

function releasingTransaction(tx: Transaction): Transaction {
  const internals = tx as unknown as PgTransactionInternals;
  let released = false;
  const release = (err?: Error) => {
    if (released) return;
    released = true;
    internals.cleanup?.();
    internals.client?.release(err ?? true);
  };
  return new Proxy(tx, {
    get(t, prop, recv) {
      const v = Reflect.get(t, prop, recv);
      if (prop === "executeRaw") {
        return async (query: SqlQuery) => {
          try {
            return await (v as Transaction["executeRaw"]).call(t, query);
          } catch (err) {
            // Only the closing statement: after any other failure Prisma still sends ROLLBACK.
            if (CLOSING.test(query.sql)) release(err instanceof Error ? err : new Error(String(err)));
            throw err;
          }
        };
      }
      // After a failed close Prisma does not call these; guard anyway: pg throws on a second release.
      if ((prop === "commit" || prop === "rollback") && released) return async () => undefined;
      return typeof v === "function" ? v.bind(t) : v;
    },
  });
}

/** Wraps adapter-pg's factory so that every interactive transaction gives its client back on a failed close. */
export function releaseOnFailedClose(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      return new Proxy(adapter, {
        get(t, prop, recv) {
          const v = Reflect.get(t, prop, recv);
          if (prop === "startTransaction") {
            return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) => releasingTransaction(await t.startTransaction(...args));
          }
          return typeof v === "function" ? v.bind(t) : v;
        },
      });
    },
  };
}
