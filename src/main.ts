// CLI entry: tppo-hub serve | migrate | seed | token | print-schema | audit | policy
import fs from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import { printSubgraphSchema } from "@apollo/subgraph";
import { loadConfig, ConfigError, type Config } from "./config";
import { createLogger } from "./logger";
import { openConfiguredDatabase, prepareSchema, PendingMigrationsError } from "./db/open";
import { DatabaseConnectionError } from "./db/database";
import { applyMigrations } from "./db/migrations";
import { startHub } from "./app";
import { buildSchema } from "./graph";
import { securedSchema } from "./policy";
import { renderAccessMatrix } from "./policy/matrix";
import { issueToken } from "./auth/issue-token";
import { loadHubKey } from "./auth/hub-key";
import { AGENCY_CODE, KODE_WILAYAH_PREFIX } from "./auth/verify-token";
import { isPurpose, isRole, PURPOSES, ROLES } from "./policy/roles";
import { seedDemo, isEmpty } from "./seed/demo";
import { DEMO_TOKEN_PROFILES } from "./seed/demo-tokens";
import { verifyAuditChain, type ExpectedHead } from "./audit/verify";

export const SCHEMA_FILE = path.resolve(__dirname, "../schema/hub.graphql");
export const ACCESS_MATRIX_FILE = path.resolve(__dirname, "../docs/access-matrix.md");

/** Expected failures print one line and exit 1; anything else is a bug and keeps its stack. */
function fail(err: unknown): never {
  const msg = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string } | undefined)?.code;
  // Name the setting to change where the message itself does not.
  const advice =
    err instanceof DatabaseConnectionError ? " (check DATABASE_URL)" :
    code === "EADDRINUSE" ? " (port in use: set PORT)" :
    code === "EACCES" ? " (not allowed to listen there: set PORT or HOST)" :
    undefined;
  if (advice !== undefined || err instanceof ConfigError || err instanceof PendingMigrationsError || err instanceof CliError) {
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
  return loadConfig();
}

const program = new Command("tppo-hub")
  .description("TPPO Hub: federated GraphQL hub for counter-trafficking agencies (Kalimantan)")
  .showHelpAfterError();

program
  .command("serve")
  .description("Start the GraphQL hub on PORT (embedded database unless DATABASE_URL is set)")
  .option("--migrate", "apply pending migrations to PostgreSQL before serving")
  .option("--demo", "seed demo data into an empty database and print demo tokens")
  .action(async (opts: { migrate?: boolean; demo?: boolean }) => {
    const cfg = config();
    const log = createLogger(cfg.logLevel);
    const hub = await startHub(cfg, log, { migrate: Boolean(opts.migrate) });
    if (opts.demo && (await isEmpty(hub.db.prisma))) {
      log.info("empty database: seeding demo data");
      await seedDemo(hub.db.prisma, { scale: 1 });
    }
    log.info({ url: hub.server.url, database: hub.db.location }, "TPPO Hub listening");
    process.stdout.write(`\nTPPO Hub ready at ${hub.server.url} (database: ${hub.db.location})\n`);
    if (opts.demo) {
      process.stdout.write(`Demo tokens (valid 8h; send as "Authorization: Bearer <token>"):\n`);
      for (const p of DEMO_TOKEN_PROFILES) {
        const t = await issueToken(hub.hubKey, cfg.hubIssuer, cfg.hubAudience, { ...p, ttl: "8h" });
        process.stdout.write(`  ${p.label.padEnd(22)} ${t}\n`);
      }
      process.stdout.write("\n");
    }
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
  .command("migrate")
  .description("Apply pending migrations (prisma/migrations) to the configured database")
  .action(async () => {
    const cfg = config();
    const db = await openConfiguredDatabase(cfg);
    try {
      const applied = await applyMigrations(db.raw);
      process.stdout.write(applied.length ? `Applied: ${applied.join(", ")}\n` : "Database is up to date.\n");
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
    const cfg = config();
    const log = createLogger(cfg.logLevel);
    const db = await openConfiguredDatabase(cfg);
    try {
      await prepareSchema(db, { migrate: db.kind === "pglite", log });
      const counts = await seedDemo(db.prisma, { scale, log });
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
  .description("Recompute the audit log's hash chain; exit 1 naming the first edited or deleted entry")
  .option("--expect-head <head>", "head recorded earlier, as <seq>:<hash> or <hash>: also detects entries removed from the end")
  .action(async (opts: { expectHead?: string }) => {
    let expectHead: ExpectedHead | undefined;
    if (opts.expectHead !== undefined) {
      const m = /^(?:(\d+):)?([0-9a-f]{64})$/.exec(opts.expectHead.trim().toLowerCase());
      if (!m) throw new CliError("--expect-head must be <seq>:<hash> or <hash> (64 hex digits), as printed by audit verify");
      expectHead = { seq: m[1] ? BigInt(m[1]) : undefined, hash: m[2]! };
    }
    const cfg = config();
    const db = await openConfiguredDatabase(cfg);
    try {
      const [t] = await db.raw.query<{ t: string | null }>(`SELECT to_regclass('"AuditEntry"')::text AS t`);
      if (!t?.t) throw new CliError(`no audit log in ${db.location} (run \`tppo-hub migrate\` first)`);
      const r = await verifyAuditChain(db.raw, { expectHead });
      if (!r.ok) {
        const b = r.firstBroken!;
        throw new CliError(`audit log broken at entry ${b.seq}: ${b.reason} (${r.entries} entries verified before it)`);
      }
      process.stdout.write(
        r.head
          ? `Audit log verified: ${r.entries} entries. Head: ${r.head.seq}:${r.head.hash}\n` +
              `Keep the head outside the database; later runs with --expect-head ${r.head.seq}:${r.head.hash} also detect removed tail entries.\n`
          : "Audit log verified: 0 entries (empty).\n",
      );
    } finally {
      await db.close();
    }
  });

const policyCmd = program.command("policy").description("Access policy tools");

policyCmd
  .command("matrix")
  .description("Write the role x field access matrix (docs/access-matrix.md) from src/policy/rules.ts")
  .option("--out <file>", "output file", ACCESS_MATRIX_FILE)
  .option("--check", "exit 1 if the file is not current instead of writing it")
  .action((opts: { out: string; check?: boolean }) => {
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


