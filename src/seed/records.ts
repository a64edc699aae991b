// The demo dataset's records without a database: the same deterministic rows `seedDemo` writes,
// for anything that needs to name the demo's persons, passports, NIKs, P3MI licences and cases
// (the example agency systems under examples/ derive their own records from them).
import { addDeportee, addMigrantWorker, addStandaloneWarning } from "./background";
import { addCase, type SuspectPool } from "./cases";
import { addDeskSituations } from "./desk-situations";
import { emptyBatch, SeedContext, WRITE_ORDER, type Batch } from "./context";
import { buildOrganizations, OrgIndex, type OrgSeed } from "./organizations";
import { Rng } from "./prng";

export type { Batch } from "./context";
export type { OrgSeed } from "./organizations";

/** Version of the generator: change it when the dataset changes shape, so old and new never mix. */
const SEED = "tppo-hub-demo/v1";
export const CASES_PER_SCALE = 60;
/** Cases per chunk. Part of the dataset's definition: the suspect pool is per chunk. */
const CASES_PER_CHUNK = 200;
/** Cases generated between two turns of the event loop, so a consumer's pending I/O keeps flowing. */
const CASES_PER_TURN = 10;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function checkScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a positive integer, got ${scale}`);
}

/** The demo's organizations at `scale` (agencies, providers, P3MI companies, employers), in write order. */
export function demoOrganizations(scale: number): OrgSeed[] {
  checkScale(scale);
  return buildOrganizations(new Rng(`${SEED}/organizations`), scale);
}

export interface DemoChunk {
  batch: Batch;
  /** Cases generated so far, this chunk included. */
  cases: number;
}

/**
 * The case rows and everything around them, chunk by chunk (memory stays flat at any scale).
 * `organizations` must be `demoOrganizations(scale)`.
 */
export async function* demoChunks(scale: number, organizations: readonly OrgSeed[]): AsyncGenerator<DemoChunk> {
  checkScale(scale);
  const ctx = new SeedContext(SEED, new OrgIndex(organizations));
  const total = CASES_PER_SCALE * scale;
  for (let from = 0; from < total; from += CASES_PER_CHUNK) {
    const to = Math.min(total, from + CASES_PER_CHUNK);
    const pool: SuspectPool = new Map(); // per chunk: memory stays bounded, output stays deterministic
    for (let i = from; i < to; i++) {
      addCase(ctx, i, pool);
      // Per 60 cases: 40 procedural workers, 10 deportees, 15 warnings outside any case.
      if (i % 3 !== 0) addMigrantWorker(ctx);
      if (i % 6 === 1) addDeportee(ctx);
      if (i % 4 === 0) addStandaloneWarning(ctx);
      if (i % CASES_PER_TURN === CASES_PER_TURN - 1) await nextTurn();
    }
    // Last, so no other record's id or value moves: the LTSA desk's three situations.
    if (to === total) addDeskSituations(ctx);
    const batch = ctx.batch;
    ctx.batch = emptyBatch();
    yield { batch, cases: to };
  }
}

/** Every record of the demo dataset at `scale`, in memory: one array per table. */
export interface DemoRecords extends Batch {
  organizations: OrgSeed[];
}

/** All demo records at `scale` (default 1), exactly the rows `seedDemo` writes, regions aside. */
export async function demoRecords(opts: { scale?: number } = {}): Promise<DemoRecords> {
  const scale = opts.scale ?? 1;
  const organizations = demoOrganizations(scale);
  const all = emptyBatch();
  for await (const { batch } of demoChunks(scale, organizations)) {
    for (const key of WRITE_ORDER) for (const row of batch[key]) (all[key] as object[]).push(row);
  }
  return { organizations, ...all };
}
