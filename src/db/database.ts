// Prisma client factory: embedded PGlite (no DATABASE_URL) or PostgreSQL (DATABASE_URL).
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { lockDataDir } from "./data-dir-lock";
import { copyFromStdin } from "./pg-copy";
import { copyStatement, type RawDatabase, type RawSession } from "./raw-sql";
import { releaseOnFailedClose } from "./release-on-failed-close";
import type { PGlite as PGliteInstance } from "@electric-sql/pglite" with { "resolution-mode": "import" };

export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  raw: RawDatabase;
  /**
   * The compiled read path's statements (src/read/): `raw.query`, counted in `queryCount` like
   * Prisma's. `raw` itself stays uncounted (migrations, readiness, test helpers).
   */
  read<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** SQL statements sent by Prisma and by `read` since start; tests use it to prove query bounds. */
  readonly queryCount: number;
  /** Human-readable location without credentials. */
  location: string;
  /** The client's connections now, for the pool gauges (src/metrics/pool-gauges.ts). */
  poolStats(): PoolStats;
  /**
   * After migrations created types: PGlite serializes array parameters by the array types it read
   * at start, so an enum created since (`$1::"CaseStatus"[]` on a first start) would be sent as
   * `Active,FollowUp` and refused; this reloads them. Nothing to do on PostgreSQL.
   */
  typesChanged(): Promise<void>;
  close(): Promise<void>;
}

/** Idle and waiting are null where the driver cannot tell (PGlite: one in-process connection). */
export interface PoolStats {
  max: number;
  open: number;
  idle: number | null;
  waiting: number | null;
}

export type DatabaseOptions =
  | { kind: "postgres"; url: string; poolSize?: number; /** @default ACQUIRE_TIMEOUT_MS */ acquireTimeoutMs?: number }
  | { kind: "pglite"; dataDir?: string /* undefined: in memory */; loadDataDir?: Blob };

// Counts statements at the driver boundary, whatever Prisma does above it.
function counting(factory: SqlDriverAdapterFactory, counter: { n: number }): SqlDriverAdapterFactory {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop, recv) {
        const v = Reflect.get(t, prop, recv);
        if (prop === "queryRaw" || prop === "executeRaw") {
          return (...args: unknown[]) => {
            counter.n++;
            return (v as (...a: unknown[]) => unknown).apply(t, args);
          };
        }
        if (prop === "startTransaction") {
          return async (...args: unknown[]) => wrap(await (v as (...a: unknown[]) => Promise<object>).apply(t, args));
        }
        return typeof v === "function" ? v.bind(t) : v;
      },
    });
  return wrap({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap((await factory.connect()) as SqlDriverAdapter),
  } as SqlDriverAdapterFactory);
}

/** The configured PostgreSQL cannot be used at all (unreachable, refused, bad credentials, no such database). */
export class DatabaseConnectionError extends Error {
  constructor(readonly location: string, cause: unknown) {
    // Node's dual-stack connect reports an AggregateError whose own message is empty.
    const first = cause instanceof AggregateError && cause.errors.length ? cause.errors[0] : cause;
    const detail = first instanceof Error ? first.message || (first as { code?: string }).code || first.name : String(first);
    super(`cannot connect to the database at ${location}: ${detail}`, { cause });
    this.name = "DatabaseConnectionError";
  }
}

/** @default 10000: an address that drops packets would otherwise hang start-up forever. */
const CONNECT_TIMEOUT_MS = 10_000;
/**
 * @default 2000: how long a request waits for a pooled connection (a free one, or a new one being
 * opened) before it fails with SERVICE_UNAVAILABLE, instead of hanging while PostgreSQL is away.
 */
export const ACQUIRE_TIMEOUT_MS = 2_000;

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const counter = { n: 0 };
  if (opts.kind === "postgres") {
    const url = new URL(opts.url);
    const location = `postgresql://${url.hostname}:${url.port || 5432}${url.pathname}`;
    // Fail here, with one clear error, rather than somewhere inside the first query; start-up may
    // wait longer for a slow network than a request may wait for the pool.
    const probe = new pg.Client({ connectionString: opts.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    try {
      await probe.connect();
    } catch (err) {
      throw new DatabaseConnectionError(location, err);
    }
    await probe.end();
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, connectionTimeoutMillis: opts.acquireTimeoutMs ?? ACQUIRE_TIMEOUT_MS });
    pool.on("error", () => undefined); // a dropped idle connection must not crash the process
    // Nor a checked-out one: a backend terminated right after a query can deliver its FATAL
    // message in the same read as the query's end, after pg-pool has handed the client to the next
    // caller but before that caller listens. The client is then unqueryable; its next use fails
    // and releases it with the error.
    pool.on("connect", (client) => client.on("error", () => undefined));
    const prisma = new PrismaClient({ adapter: counting(releaseOnFailedClose(new PrismaPg(pool)), counter) });
    const raw: RawDatabase = {
      exec: async (sql) => {
        await pool.query(sql);
      },
      query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params as unknown[])).rows as T[],
      transaction: async (fn) => {
        const client = await pool.connect();
        let broken: Error | undefined;
        try {
          await client.query("BEGIN");
          const session: RawSession = {
            exec: async (sql) => void (await client.query(sql)),
            query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params as unknown[])).rows as T[],
            copyFrom: (table, columns, data) => copyFromStdin(client, copyStatement(table, columns, "STDIN"), data),
          };
          const result = await fn(session);
          await client.query("COMMIT");
          return result;
        } catch (err) {
          // A connection that cannot even roll back is destroyed rather than returned to the pool.
          await client.query("ROLLBACK").catch((e: Error) => (broken = e));
          throw err;
        } finally {
          client.release(broken);
        }
      },
    };
    return {
      kind: "postgres",
      prisma,
      raw,
      read: (sql, params) => {
        counter.n++;
        return raw.query(sql, params);
      },
      get queryCount() {
        return counter.n;
      },
      location,
      poolStats: () => ({ max: pool.options.max ?? 10, open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      typesChanged: async () => undefined,
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  // One process per data directory, whichever command opens it (src/db/data-dir-lock.ts).
  const lock = opts.dataDir ? lockDataDir(opts.dataDir) : undefined;
  // One options object: `new PGlite(undefined, options)` silently ignores the options.
  const client = new PGlite({ dataDir: opts.dataDir ? path.resolve(opts.dataDir) : undefined, loadDataDir: opts.loadDataDir });
  await client.waitReady.catch((err) => {
    lock?.release();
    throw err;
  });
  const prisma = new PrismaClient({ adapter: counting(new PrismaPGlite(client as never) as unknown as SqlDriverAdapterFactory, counter) });
  const raw = pgliteRaw(client);
  return {
    kind: "pglite",
    prisma,
    raw,
    read: (sql, params) => {
      counter.n++;
      return raw.query(sql, params);
    },
    get queryCount() {
      return counter.n;
    },
    location: opts.dataDir ? `pglite:${path.resolve(opts.dataDir)}` : "pglite:memory",
    poolStats: () => ({ max: 1, open: 1, idle: null, waiting: null }),
    typesChanged: () => client.refreshArrayTypes(),
    close: async () => {
      await prisma.$disconnect();
      await client.close();
      lock?.release();
    },
  };
}

/** The raw driver over a PGlite instance (also for test images built without Prisma). */
export function pgliteRaw(client: PGliteInstance): RawDatabase {
  return {
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params as unknown[])).rows,
    // PGlite has one connection: while the transaction runs, every other caller (Prisma too) waits.
    transaction: (fn) =>
      client.transaction((tx) =>
        fn({
          exec: async (sql) => void (await tx.exec(sql)),
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params as unknown[])).rows,
          // PGlite reads COPY input from the blob attached to the query, named /dev/blob.
          copyFrom: async (table, columns, data) => void (await tx.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([data]) })),
        }),
      ),
  };
}
