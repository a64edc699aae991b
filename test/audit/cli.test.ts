// `tppo-hub audit verify`: a real process against an embedded database in DATA_DIR, or a
// PostgreSQL database named by DATABASE_URL, before and after tampering.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { appendAuditEntries, recordAuditEntries, type AuditEntryInput } from "../../src/audit/append";
import { openDatabase, type Database } from "../../src/db/database";
import { applyMigrations } from "../../src/db/migrations";
import { backends, freshDatabase, type Backend } from "../support/hub";
import { runCli } from "../support/cli";
import { AuditCheckpointer } from "../../src/audit/checkpointer";
import { loadHubKey } from "../../src/auth/hub-key";
import { createLogger } from "../../src/logger";


// The shared runner (test/support/cli.ts) gives the CLI a clean environment; logs stay quiet.
const cli = (args: string[], env: Record<string, string>, timeoutMs = 60_000) => runCli(args, { LOG_LEVEL: "silent", ...env }, { timeoutMs });

const entry = (i: number): AuditEntryInput => ({
  requestId: `cli-request-${i}`,
  agency: "POLDA-KALBAR",
  roles: ["police-investigator"],
  purpose: "investigation",
  operationName: "CaseFile",
  action: "READ",
  recordType: "Person",
  recordIds: [`person-${i}`],
  fields: ["fullName"],
  decision: "ALLOW",
});

/** A database the CLI can open, and how to reopen it from the test. */
interface Target {
  env: Record<string, string>;
  dataDir: string;
  open(): Promise<Database>;
  cleanup(): void;
}

async function prepare(backend: Backend): Promise<Target> {
  // The hub's key and head checkpoint live in DATA_DIR on both backends here.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tppo-hub-audit-"));
  const cleanup = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (backend === "pglite") {
    const open = () => openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
    const db = await open();
    await applyMigrations(db.raw);
    await db.close();
    return { env: { DATA_DIR: dataDir }, dataDir, open, cleanup };
  }
  const db = await freshDatabase("postgres");
  const url = new URL(process.env.TEST_PG_URL!);
  url.pathname = new URL(db.location).pathname;
  await db.close();
  const env = { DATABASE_URL: url.toString(), DATA_DIR: dataDir, HUB_SIGNING_KEY_FILE: path.join(dataDir, "hub-signing-key.pem") };
  return { env, dataDir, open: () => openDatabase({ kind: "postgres", url: url.toString(), poolSize: 1 }), cleanup };
}

/** What `serve` does after appending: signs the committed head into DATA_DIR/audit-head.jws. */
async function checkpoint(t: Target, db: Database): Promise<void> {
  const key = await loadHubKey(path.join(t.dataDir, "hub-signing-key.pem"), { create: true });
  await new AuditCheckpointer(db.raw, key, path.join(t.dataDir, "audit-head.jws"), createLogger("silent")).flush();
}

async function withDb<T>(t: Target, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await t.open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

describe.each(backends)("tppo-hub audit verify on %s", (backend) => {
  let target: Target;
  let head: string;

  beforeAll(async () => {
    target = await prepare(backend);
  });
  afterAll(() => target.cleanup());

  it("verifies an empty log", async () => {
    const run = await cli(["audit", "verify"], target.env);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe("Audit log verified: 0 entries (empty).\n");
  });

  it("refuses to call a log verified when its head checkpoint is missing", async () => {
    await withDb(target, (db) => appendAuditEntries(db.prisma, Array.from({ length: 12 }, (_, i) => entry(i))));
    const run = await cli(["audit", "verify"], target.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `tppo-hub: there is no head checkpoint at ${path.join(fs.realpathSync(target.dataDir), "audit-head.jws")}: whether entries were removed from the end of the log (12 entries) cannot be checked\n`,
    );
    const chainOnly = await cli(["audit", "verify", "--no-checkpoint"], target.env);
    expect(chainOnly.code).toBe(0);
    expect(chainOnly.stdout).toMatch(/\nNo head checkpoint checked: entries removed from the end would not show/);
  });

  it("exits 0 and prints the count, the head to record and the checkpoint it matched", async () => {
    await withDb(target, (db) => checkpoint(target, db));
    const run = await cli(["audit", "verify"], target.env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const shape = /^Audit log verified: 12 entries\. Head: (12:[0-9a-f]{64})\nHead checkpoint \(entry 12, signed [0-9T:.-]+Z\) is in the log/;
    expect(run.stdout).toMatch(shape);
    const m = shape.exec(run.stdout);
    head = m![1]!;
    expect((await cli(["audit", "verify", "--expect-head", head], target.env)).code).toBe(0);
  });

  it("seals entries a hub left committed but unsealed, says so, and verifies them with the rest", async () => {
    // A contribution committed its entries (in the inbox) and the hub died before its seal pass.
    await withDb(target, (db) => db.prisma.$transaction((tx) => recordAuditEntries(tx, [entry(100), entry(101)])));
    const run = await cli(["audit", "verify"], target.env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Sealed 2 committed entries that were waiting for their seq and hash\.\nAudit log verified: 14 entries\. Head: 14:[0-9a-f]{64}\nHead checkpoint \(entry 12, /);
    expect(await withDb(target, (db) => db.raw.query(`SELECT seq::text AS seq FROM "AuditEntry" WHERE "requestId" IN ('cli-request-100', 'cli-request-101') ORDER BY "AuditEntry".seq`))).toEqual([{ seq: "13" }, { seq: "14" }]);
    // Nothing left to seal the next time.
    expect((await cli(["audit", "verify"], target.env)).stdout).toMatch(/^Audit log verified: 14 entries/);
  });

  it("exits 1 naming the first edited entry", async () => {
    await withDb(target, (db) =>
      db.raw.exec(`ALTER TABLE "AuditEntry" DISABLE TRIGGER USER; UPDATE "AuditEntry" SET fields = ARRAY['nik'] WHERE seq = 5; ALTER TABLE "AuditEntry" ENABLE TRIGGER USER`),
    );
    const run = await cli(["audit", "verify"], target.env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("tppo-hub: audit log broken at entry 5: hash does not match the entry's contents (the entry was edited) (4 entries verified before it)\n");
  });

  it("exits 1 naming a deleted entry, and when the tail is gone from a recorded head", async () => {
    await withDb(target, (db) =>
      db.raw.exec(
        `ALTER TABLE "AuditEntry" DISABLE TRIGGER USER; UPDATE "AuditEntry" SET fields = ARRAY['fullName'] WHERE seq = 5; DELETE FROM "AuditEntry" WHERE seq = 8; ALTER TABLE "AuditEntry" ENABLE TRIGGER USER`,
      ),
    );
    const deleted = await cli(["audit", "verify"], target.env);
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toMatch(/^tppo-hub: audit log broken at entry 8: entry 8 is missing \(deleted\)/);
    expect(deleted.stderr.split("\n").filter(Boolean)).toHaveLength(1);

    await withDb(target, (db) => db.raw.exec(`ALTER TABLE "AuditEntry" DISABLE TRIGGER USER; DELETE FROM "AuditEntry" WHERE seq >= 8; ALTER TABLE "AuditEntry" ENABLE TRIGGER USER`));
    // A shorter chain is still a chain: only the signed checkpoint, kept outside the database, shows the cut.
    expect((await cli(["audit", "verify", "--no-checkpoint"], target.env)).code).toBe(0);
    const cut = await cli(["audit", "verify"], target.env);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toBe(
      "tppo-hub: audit log broken at entry 12: the recorded head (seq 12) is beyond the end of the log (seq 7): entries 8..12 were removed from the end (7 entries verified before it)\n",
    );
    const truncated = await cli(["audit", "verify", "--no-checkpoint", "--expect-head", head], target.env);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/^tppo-hub: audit log broken at entry 12: the recorded head \(seq 12\) is beyond the end of the log \(seq 7\)/);
  });

  it("refuses a malformed --expect-head", async () => {
    const run = await cli(["audit", "verify", "--expect-head", "not-a-hash"], target.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^tppo-hub: --expect-head must be/);
  });
});
