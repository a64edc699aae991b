// CLI entry: tppo-hub serve | gateway | compose | migrate | regions | seed | token | print-schema | audit | policy
import fs from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import type { Config } from "./config";
import type { ExpectedHead } from "./audit/verify";
import { isPurpose, isRole, PURPOSES, ROLES } from "./policy/roles";

// Each command requires the modules it needs when it runs, so `--help` and `token` do not pay
// for Apollo, the GraphQL schema, Prisma or PGlite (seconds of start-up otherwise).

export const SCHEMA_FILE = path.resolve(__dirname, "../schema/hub.graphql");
export const ACCESS_MATRIX_FILE = path.resolve(__dirname, "../docs/access-matrix.md");

/** Expected failures print one line and exit 1; anything else is a bug and keeps its stack. */
function fail(err: unknown): never {
  const msg = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string } | undefined)?.code;
  // By name, not instanceof: the classes live in modules a command may not have loaded.
  const name = err instanceof Error ? err.name : undefined;
  // Name the setting to change where the message itself does not.
  const advice =
    name === "DatabaseConnectionError" ? " (check DATABASE_URL)" :
    code === "EADDRINUSE" ? " (port in use: set PORT)" :
    code === "EACCES" ? " (not allowed to listen there: set PORT or HOST)" :
    undefined;
  if (advice !== undefined || name === "ConfigError" || name === "PendingMigrationsError" || name === "DataDirLockedError" || name === "RegionSourceError" || err instanceof CliError) {
    process.stderr.write(`tppo-hub: ${msg}${advice ?? ""}\n`);
    process.exit(1);
  }
  process.stderr.write(`tppo-hub: unexpected error: ${err instanceof Error ? err.stack : msg}\n`);
  process.exit(2);
}

class CliError extends Error {
  override name = "CliError";
}

function config(): Config {
  const { loadConfig } = require("./config") as typeof import("./config");
  return loadConfig();
}

const program = new Command("tppo-hub")
  .description("TPPO Hub: federated GraphQL hub for counter-trafficking agencies (Kalimantan)")
  .showHelpAfterError();

program
  .command("serve")
  .description("Start the GraphQL hub on PORT (embedded database unless DATABASE_URL is set)")
  .option("--migrate", "apply pending migrations to PostgreSQL before serving")
  .option("--demo", "seed demo data into an empty database; demo tokens in DATA_DIR/demo-tokens.txt (and printed at a terminal)")
  .action(async (opts: { migrate?: boolean; demo?: boolean }) => {
    const { createLogger, defaultLogFormat } = require("./logger") as typeof import("./logger");
    const { startHub } = require("./app") as typeof import("./app");
    const { seedDemo, isEmpty } = require("./seed/demo") as typeof import("./seed/demo");
    const { announceStart } = require("./start-banner") as typeof import("./start-banner");
    const cfg = config();
    const logFormat = defaultLogFormat();
    const log = createLogger(cfg.logLevel, logFormat);
    const hub = await startHub(cfg, log, { migrate: Boolean(opts.migrate) });
    if (opts.demo && (await isEmpty(hub.db.prisma))) {
      log.info("empty database: seeding demo data");
      await seedDemo(hub.db, { scale: 1 });
    }
    await announceStart(hub, cfg, log, { demo: Boolean(opts.demo), format: logFormat });
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, "draining in-flight requests");
      // A backstop: the drain (src/http/shutdown.ts) finishes well before this.
      setTimeout(() => {
        log.error("shutdown timeout reached: exiting with work unfinished");
        process.exit(1);
      }, cfg.shutdownTimeoutMs).unref();
      await hub.stop();
      log.info("stopped cleanly");
      process.exit(0);
    };
    process.on("SIGTERM", () => void shutdown("SIGTERM"));
    process.on("SIGINT", () => void shutdown("SIGINT"));
  });

program
  .command("gateway")
  .description("Start the federation gateway on PORT: serves schema/supergraph.graphql over the subgraphs in GATEWAY_SUBGRAPHS")
  .action(async () => {
    const { createLogger } = require("./logger") as typeof import("./logger");
    const { runGateway } = require("./gateway/run") as typeof import("./gateway/run");
    const cfg = config();
    const log = createLogger(cfg.logLevel);
    const gateway = await runGateway(cfg, log);
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, "gateway stopping");
      setTimeout(() => process.exit(1), cfg.shutdownTimeoutMs).unref();
      await gateway.stop();
      process.exit(0);
    };
    process.on("SIGTERM", () => void shutdown("SIGTERM"));
    process.on("SIGINT", () => void shutdown("SIGINT"));
  });

program
  .command("compose")
  .description("Compose the supergraph from the registry's subgraph SDLs (schemaFile) into schema/supergraph.graphql (or --out)")
  .option("--out <file>", "output file")
  .action((opts: { out?: string }) => {
    const { composeToFile } = require("./gateway/run") as typeof import("./gateway/run");
    const cfg = config();
    try {
      const r = composeToFile(cfg, opts.out ? path.resolve(opts.out) : undefined);
      process.stdout.write(`Wrote ${path.relative(process.cwd(), r.file)} (subgraphs: ${r.subgraphs.join(", ")})\n`);
    } catch (err) {
      if ((err as Error).name === "CompositionError") throw new CliError((err as Error).message);
      throw err;
    }
  });

program
  .command("migrate")
  .description("Apply pending migrations (prisma/migrations) to the configured database, then load the reference regions (regions sync)")
  .action(async () => {
    const { openConfiguredDatabase } = require("./db/open") as typeof import("./db/open");
    const { applyMigrations } = require("./db/migrations") as typeof import("./db/migrations");
    const { bundledSource } = require("./regions/source") as typeof import("./regions/source");
    const { describeSync, syncRegions } = require("./regions/sync") as typeof import("./regions/sync");
    const cfg = config();
    const db = await openConfiguredDatabase(cfg);
    try {
      const applied = await applyMigrations(db.raw);
      process.stdout.write(applied.length ? `Applied: ${applied.join(", ")}\n` : "Database is up to date.\n");
      process.stdout.write(`${describeSync(await syncRegions(db.raw, bundledSource()))}\n`);
    } finally {
      await db.close();
    }
  });

const regionsCmd = program.command("regions").description("Reference data: kode wilayah (docs/reference-data.md)");
regionsCmd
  .command("sync")
  .description("Load the administrative areas of Indonesia from idn-area-data (or --dir) into the configured database; a version already loaded is skipped")
  .option("--dir <dir>", "a newer release: directory with provinces.csv, regencies.csv, districts.csv, villages.csv")
  .option("--dataset-version <version>", "version of the --dir release (required with --dir)")
  .option("--dataset <name>", "dataset name of the --dir release", "idn-area-data")
  .option("--allow-older", "apply even when a newer version of the dataset was loaded")
  .action(async (opts: { dir?: string; datasetVersion?: string; dataset: string; allowOlder?: boolean }) => {
    const { openConfiguredDatabase, PendingMigrationsError } = require("./db/open") as typeof import("./db/open");
    const { applyMigrations, migrationStatus } = require("./db/migrations") as typeof import("./db/migrations");
    const { bundledSource } = require("./regions/source") as typeof import("./regions/source");
    const { describeSync, syncRegions } = require("./regions/sync") as typeof import("./regions/sync");
    if (opts.dir && !opts.datasetVersion) throw new CliError("--dir needs --dataset-version (e.g. --dataset-version 4.1.0)");
    if (!opts.dir && opts.datasetVersion) throw new CliError("--dataset-version goes with --dir");
    const source = opts.dir ? { dataset: opts.dataset, version: opts.datasetVersion!, dir: path.resolve(opts.dir) } : bundledSource();
    const cfg = config();
    const db = await openConfiguredDatabase(cfg);
    try {
      // As at `serve`: the embedded database migrates itself; PostgreSQL must be migrated (`tppo-hub migrate`).
      if (db.kind === "pglite") await applyMigrations(db.raw);
      else {
        const { pending } = await migrationStatus(db.raw);
        if (pending.length) throw new PendingMigrationsError(pending);
      }
      const result = await syncRegions(db.raw, source, { allowOlder: opts.allowOlder });
      process.stdout.write(`${describeSync(result)}\n`);
    } finally {
      await db.close();
    }
  });

program
  .command("seed")
  .description("Load the deterministic synthetic demo dataset")
  .requiredOption("--demo", "the demo dataset (the only dataset)")
  .option("--scale <n>", "multiply case volume (1 = about 60 cases; 1700 = about 100,000)", "1")
  .action(async (opts: { scale: string }) => {
    const scale = Number(opts.scale);
    if (!Number.isInteger(scale) || scale < 1) throw new CliError("--scale must be a positive integer");
    const { createLogger } = require("./logger") as typeof import("./logger");
    const { openConfiguredDatabase, prepareSchema } = require("./db/open") as typeof import("./db/open");
    const { seedDemo } = require("./seed/demo") as typeof import("./seed/demo");
    const { defaultSeedProgress } = require("./seed/progress") as typeof import("./seed/progress");
    const cfg = config();
    const log = createLogger(cfg.logLevel);
    const db = await openConfiguredDatabase(cfg);
    try {
      await prepareSchema(db, { migrate: db.kind === "pglite", log });
      const counts = await seedDemo(db, { scale, log, progress: defaultSeedProgress(log) });
      process.stdout.write(`Seeded demo data: ${JSON.stringify(counts)}\n`);
    } finally {
      await db.close();
    }
  });

program
  .command("print-schema")
  .description("Write the hub subgraph SDL to schema/hub.graphql (or --out)")
  .option("--out <file>", "output file", SCHEMA_FILE)
  .option("--stdout", "print instead of writing")
  .action((opts: { out: string; stdout?: boolean }) => {
    const { printSubgraphSchema } = require("@apollo/subgraph") as typeof import("@apollo/subgraph");
    const { buildSchema } = require("./graph") as typeof import("./graph");
    const sdl = printSubgraphSchema(buildSchema());
    if (opts.stdout) return void process.stdout.write(sdl + "\n");
    fs.mkdirSync(path.dirname(opts.out), { recursive: true });
    fs.writeFileSync(opts.out, sdl + "\n");
    process.stdout.write(`Wrote ${path.relative(process.cwd(), opts.out)}\n`);
  });

program
  .command("token")
  .description("Print a signed service-account token issued by this hub")
  .requiredOption("--agency <code>", "agency code, e.g. POLDA-KALBAR")
  .requiredOption("--roles <roles>", `comma-separated: ${ROLES.join(", ")}`)
  .requiredOption("--purpose <purpose>", `one of: ${PURPOSES.join(", ")}`)
  .option("--jurisdiction <codes>", "comma-separated kode wilayah prefixes, e.g. 61,63.71")
  .option("--subject <sub>", "subject (service account id)")
  .addOption(new Option("--ttl <duration>", "lifetime, e.g. 15m, 1h, 8h").default("1h"))
  .action(async (opts: { agency: string; roles: string; purpose: string; jurisdiction?: string; subject?: string; ttl: string }) => {
    const { AGENCY_CODE, KODE_WILAYAH_PREFIX } = require("./auth/verify-token") as typeof import("./auth/verify-token");
    const { loadHubKey } = require("./auth/hub-key") as typeof import("./auth/hub-key");
    const { issueToken } = require("./auth/issue-token") as typeof import("./auth/issue-token");
    const roles = opts.roles.split(",").map((r) => r.trim()).filter(Boolean);
    const bad = roles.find((r) => !isRole(r));
    if (bad || roles.length === 0) throw new CliError(`unknown role "${bad ?? ""}" (known: ${ROLES.join(", ")})`);
    if (!isPurpose(opts.purpose)) throw new CliError(`unknown purpose "${opts.purpose}" (known: ${PURPOSES.join(", ")})`);
    // The hub refuses tokens whose claims break these rules (src/auth/verify-token.ts): say so now.
    if (!AGENCY_CODE.test(opts.agency)) throw new CliError(`--agency must be an agency code like POLDA-KALBAR (A-Z, 0-9, . _ -)`);
    const jurisdiction = opts.jurisdiction ? opts.jurisdiction.split(",").map((s) => s.trim()).filter(Boolean) : [];
    const badCode = jurisdiction.find((j) => !KODE_WILAYAH_PREFIX.test(j));
    if (badCode !== undefined) throw new CliError(`--jurisdiction: "${badCode}" is not a kode wilayah prefix (e.g. 61, 61.71, 63.71.01)`);
    if (!/^[1-9]\d{0,5}[smhd]$/.test(opts.ttl)) throw new CliError(`--ttl must look like 15m, 1h or 8h`);
    const cfg = config();
    // Only the hub key: AUTH_ISSUERS plays no part in issuing. Generated only in embedded mode.
    const hubKey = await loadHubKey(cfg.hubSigningKeyFile, { create: !cfg.databaseUrl });
    const token = await issueToken(hubKey, cfg.hubIssuer, cfg.hubAudience, {
      agency: opts.agency,
      roles,
      purpose: opts.purpose,
      jurisdiction,
      subject: opts.subject,
      ttl: opts.ttl,
    });
    process.stdout.write(token + "\n");
  });

const audit = program.command("audit").description("Audit log tools");

audit
  .command("verify")
  .description("Verify the audit log: every entry's hash and link, and its end against the signed head checkpoint; exit 1 naming the first problem")
  .option("--checkpoint <file>", "head checkpoint to check the end of the log against (default: AUDIT_CHECKPOINT_FILE)")
  .option("--no-checkpoint", "check the chain alone (entries removed from the end then go unnoticed)")
  .option("--expect-head <head>", "a head recorded elsewhere, as <seq>:<hash> or <hash>: must still be in the log")
  .option("--url <url>", "verify a running hub through its API (GraphQL URL) instead of opening the database; needs --token")
  .option("--token <token>", "an auditor's token, with --url (or set TPPO_HUB_TOKEN)")
  .action(async (opts: { checkpoint?: string | false; expectHead?: string; url?: string; token?: string }) => {
    const expectHeads: ExpectedHead[] = [];
    if (opts.expectHead !== undefined) {
      const m = /^(?:(\d+):)?([0-9a-f]{64})$/.exec(opts.expectHead.trim().toLowerCase());
      if (!m) throw new CliError("--expect-head must be <seq>:<hash> or <hash> (64 hex digits), as printed by audit verify");
      expectHeads.push({ seq: m[1] ? BigInt(m[1]) : undefined, hash: m[2]! });
    }
    if (opts.url !== undefined) {
      if (opts.expectHead !== undefined || typeof opts.checkpoint === "string") throw new CliError("--url verifies against the running hub's own checkpoint: --expect-head and --checkpoint do not apply");
      const r = await verifyThroughApi(opts.url, opts.token ?? process.env.TPPO_HUB_TOKEN);
      if (!r.ok) throw new CliError(r.problem ?? "audit log not verified");
      return void process.stdout.write(verifiedReport(r));
    }
    const { openConfiguredDatabase } = require("./db/open") as typeof import("./db/open");
    const { verifyAuditLog } = require("./audit/verification") as typeof import("./audit/verification");
    const { loadHubKey } = require("./auth/hub-key") as typeof import("./auth/hub-key");
    const cfg = config();
    const checkpointFile = opts.checkpoint === false ? null : path.resolve(opts.checkpoint ?? cfg.auditCheckpointFile);
    const key = checkpointFile ? await loadHubKey(cfg.hubSigningKeyFile, { create: false }).catch(() => null) : null;
    const db = await openConfiguredDatabase(cfg);
    try {
      const [t] = await db.raw.query<{ t: string | null }>(`SELECT to_regclass('"AuditEntry"')::text AS t`);
      if (!t?.t) throw new CliError(`no audit log in ${db.location} (run \`tppo-hub migrate\` first)`);
      // Entries committed but not yet chained (a hub killed between a contribution's commit and
      // its seal pass, a script) are sealed first, as the hub would: then the whole log is checked.
      const [inbox] = await db.raw.query<{ t: string | null }>(`SELECT to_regclass('"AuditInbox"')::text AS t`);
      const { AuditSealer } = require("./audit/sealer") as typeof import("./audit/sealer");
      const sealer = new AuditSealer(db.raw);
      if (inbox?.t) await sealer.sync();
      const r = await verifyAuditLog(db.raw, { checkpointFile, key, expectHeads });
      if (!r.ok) throw new CliError(r.problem ?? "audit log not verified");
      if (sealer.stats.sealed) process.stdout.write(`Sealed ${sealer.stats.sealed} committed entries that were waiting for their seq and hash.\n`);
      process.stdout.write(verifiedReport(r));
    } finally {
      await db.close();
    }
  });

interface VerifiedReport {
  entries: number;
  head: { seq: string; hash: string } | null;
  checkpoint: { seq: string; signedAt: string } | null;
}

function verifiedReport(r: VerifiedReport): string {
  if (!r.head) return "Audit log verified: 0 entries (empty).\n";
  return (
    `Audit log verified: ${r.entries} entries. Head: ${r.head.seq}:${r.head.hash}\n` +
    (r.checkpoint
      ? `Head checkpoint (entry ${r.checkpoint.seq}, signed ${r.checkpoint.signedAt}) is in the log: nothing was removed from the end before it.\n`
      : `No head checkpoint checked: entries removed from the end would not show. Keep the head outside the database; later runs with --expect-head ${r.head.seq}:${r.head.hash} detect that.\n`)
  );
}

const VERIFY_QUERY = "query AuditVerification { auditVerification { ok entries problem head { seq hash } checkpoint { seq signedAt } } }";

async function verifyThroughApi(url: string, token: string | undefined): Promise<VerifiedReport & { ok: boolean; problem: string | null }> {
  if (!token) throw new CliError("--url needs an auditor's token: --token <token> or TPPO_HUB_TOKEN");
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: VERIFY_QUERY }) });
  } catch (err) {
    throw new CliError(`cannot reach ${url}: ${(err as Error).message}`);
  }
  const body = (await res.json().catch(() => null)) as { data?: { auditVerification?: VerifiedReport & { ok: boolean; problem: string | null } | null }; errors?: { message: string }[] } | null;
  const v = body?.data?.auditVerification;
  if (!v) throw new CliError(`${url} answered HTTP ${res.status}: ${body?.errors?.[0]?.message ?? "no verification"}${res.status === 401 || res.status === 403 || body?.errors ? " (an auditor's token is needed)" : ""}`);
  return v;
}

const policyCmd = program.command("policy").description("Access policy tools");

policyCmd
  .command("matrix")
  .description("Write the role x field access matrix (docs/access-matrix.md) from src/policy/rules.ts")
  .option("--out <file>", "output file", ACCESS_MATRIX_FILE)
  .option("--check", "exit 1 if the file is not current instead of writing it")
  .action((opts: { out: string; check?: boolean }) => {
    const { securedSchema } = require("./secured-schema") as typeof import("./secured-schema");
    const { renderAccessMatrix } = require("./policy/matrix") as typeof import("./policy/matrix");
    const { schema, policy } = securedSchema();
    const md = renderAccessMatrix(schema, policy);
    if (opts.check) {
      const current = fs.existsSync(opts.out) ? fs.readFileSync(opts.out, "utf8") : "";
      if (current !== md) throw new CliError(`${path.relative(process.cwd(), opts.out)} is stale; run \`tppo-hub policy matrix\``);
      return void process.stdout.write("Access matrix is current.\n");
    }
    fs.mkdirSync(path.dirname(opts.out), { recursive: true });
    fs.writeFileSync(opts.out, md);
    process.stdout.write(`Wrote ${path.relative(process.cwd(), opts.out)}\n`);
  });

export function run(argv: string[]): void {
  program.parseAsync(argv).catch(fail);
}



// `npm run dev -- <command>` runs this file through tsx, without a build.
if (require.main === module) run(process.argv);
