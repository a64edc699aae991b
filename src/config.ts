// The one place that reads the environment. Validated once at start; a bad value stops the
// process with a one-line message naming the variable (see src/main.ts).
import path from "node:path";
import { z } from "zod";
import { HTTP_LIMIT_DEFAULTS as D, type HttpLimits } from "./http/limits";

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = "ConfigError";
  }
}

const port = (fallback: number) =>
  z.coerce
    .number({ error: "must be a port number from 0 to 65535" })
    .int({ error: "must be a port number from 0 to 65535" })
    .min(0, { error: "must be a port number from 0 to 65535" })
    .max(65535, { error: "must be a port number from 0 to 65535" })
    .default(fallback);

/** A number of records (1-1000, the largest batch), with one message for every way to get it wrong. */
const recordCount = () => {
  const error = "must be a whole number from 1 to 1000";
  return z.coerce.number({ error }).int({ error }).min(1, { error }).max(1000, { error });
};

const schema = z.object({
  /** PostgreSQL connection string. Unset: embedded PGlite under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === "" || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: "must be a postgresql:// or postgres:// URL",
    })
    .transform((v) => (v ? v : undefined)),
  /** @default ./data */
  DATA_DIR: z.string().min(1).default("./data"),
  /** @default 4000 */
  PORT: port(4000),
  /** @default 127.0.0.1 in embedded mode would surprise container users, so 0.0.0.0 */
  HOST: z.string().min(1).default("0.0.0.0"),
  /** @default info */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Milliseconds SIGTERM waits for in-flight requests. @default 10000 */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** Minimum cell size for partner statistics. @default 11 (CTDC) */
  STATS_MIN_CELL: z.coerce.number().int().min(2).default(11),
  /** Records one request may contribute (all batches and single-record mutations together). @default 100 */
  CONTRIBUTE_MAX_RECORDS: recordCount().default(100),
  /**
   * Records one bulk transaction of a batch decides and writes at most. A cancelled batch (client
   * gone, deadline, shutdown) stops between runs, so smaller runs stop sooner at some throughput
   * cost. @default 1000
   */
  CONTRIBUTE_RUN_RECORDS: recordCount().default(1000),
  /** JSON list of trusted agency token issuers (see docs/auth.md). @default [] */
  AUTH_ISSUERS: z.string().default("[]"),
  /** Path to the hub's own signing key (PKCS#8 PEM, Ed25519). @default DATA_DIR/hub-signing-key.pem */
  HUB_SIGNING_KEY_FILE: z.string().optional(),
  /** Signed head checkpoint of the audit log, kept outside the database. @default DATA_DIR/audit-head.jws */
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  /** Issuer and audience the hub puts in and expects of its own tokens. */
  HUB_ISSUER: z.string().min(1).default("tppo-hub"),
  HUB_AUDIENCE: z.string().min(1).default("tppo-hub"),
  /** GET /metrics: off, port (open, on METRICS_PORT at METRICS_HOST) or bearer (hub port, METRICS_TOKEN). @default off */
  METRICS: z.enum(["off", "port", "bearer"], { error: "must be off, port or bearer" }).default("off"),
  /** Port of the separate metrics server (METRICS=port). @default 9464 */
  METRICS_PORT: port(9464),
  /** Address of the separate metrics server (METRICS=port). @default 127.0.0.1 */
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  /** Secret a scraper sends as `Authorization: Bearer <token>` (METRICS=bearer; 32+ characters). */
  METRICS_TOKEN: z.string().optional(),
  /** The gateway's public keys (a JWKS, JSON): the hub then trusts gateway principal tokens with audience `hub`. */
  GATEWAY_JWKS: z.string().optional(),
  /** The gateway's JWKS endpoint (http only for loopback), instead of GATEWAY_JWKS. */
  GATEWAY_JWKS_URL: z
    .string()
    .optional()
    .refine((u) => u === undefined || u === "" || (URL.canParse(u) && (new URL(u).protocol === "https:" || (new URL(u).protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(new URL(u).hostname)))), {
      message: "must be an https:// URL (http:// only for localhost)",
    }),
  /** The gateway's Ed25519 key (PKCS#8 PEM). @default DATA_DIR/gateway-signing-key.pem */
  GATEWAY_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** The gateway's subgraph registry: JSON array of { name, url, agency, timeoutMs, schemaFile? }. */
  GATEWAY_SUBGRAPHS: z.string().optional(),
  /** A file holding that JSON array, instead of GATEWAY_SUBGRAPHS. */
  GATEWAY_SUBGRAPHS_FILE: z.string().min(1).optional(),
  /** `off`: every operation through Hive's planner, none routed straight to the hub (for comparison). @default on */
  GATEWAY_HUB_PASS_THROUGH: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
  /** The composed supergraph the gateway serves. @default schema/supergraph.graphql */
  GATEWAY_SUPERGRAPH_FILE: z.string().min(1).optional(),
  /** Comma-separated origins allowed to call the hub from a browser (CORS). @default none */
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((o) => o.trim()).filter(Boolean))
    .refine((list) => list.every((o) => /^https?:\/\/[^/\s,]+$/.test(o)), {
      message: "must be a comma-separated list of origins like https://app.example.go.id (scheme, host and port; no path)",
    }),
  /** GraphQL operations executing at once. @default 16 */
  MAX_CONCURRENT_OPERATIONS: count(D.maxConcurrentOperations, 1),
  /** Mutations executing at once (within MAX_CONCURRENT_OPERATIONS). @default 4 */
  MAX_CONCURRENT_MUTATIONS: count(D.maxConcurrentMutations, 1),
  /** Operations waiting for a slot; beyond it 503. @default 32 */
  ADMISSION_QUEUE_SIZE: count(D.admissionQueueSize, 0),
  /** Longest wait for a slot before 503. @default 5000 */
  ADMISSION_QUEUE_TIMEOUT_MS: count(D.admissionQueueTimeoutMs, 0),
  /** Deadline of one request; past it 503 TIMEOUT and its work is cancelled. @default 120000 */
  OPERATION_TIMEOUT_MS: count(D.operationTimeoutMs, 1),
  /** Time to receive the request headers. @default 10000 */
  HTTP_HEADERS_TIMEOUT_MS: count(D.headersTimeoutMs, 1),
  /** Time to receive the whole request. @default 60000 */
  HTTP_REQUEST_TIMEOUT_MS: count(D.requestTimeoutMs, 1),
});

/** Who may read GET /metrics (src/metrics/, src/http/metrics-route.ts). */
export type MetricsSettings = { mode: "off" } | { mode: "port"; port: number; host: string } | { mode: "bearer"; token: string };

function count(fallback: number, min: number) {
  const message = `must be a whole number of at least ${min}`;
  return z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).default(fallback);
}

/** Every environment variable the hub reads (README.md's configuration table lists each one). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  shutdownTimeoutMs: number;
  statsMinCell: number;
  contributeMaxRecords: number;
  contributeRunRecords: number;
  authIssuersJson: string;
  hubSigningKeyFile: string;
  auditCheckpointFile: string;
  hubIssuer: string;
  hubAudience: string;
  metrics: MetricsSettings;
  corsOrigins: string[];
  httpLimits: Omit<HttpLimits, "maxBodyBytes">;
  gateway: {
    /** JWKS JSON (GATEWAY_JWKS) the hub trusts as the gateway's keys. */
    jwks: string | undefined;
    jwksUrl: string | undefined;
    signingKeyFile: string;
    /** Whether GATEWAY_SIGNING_KEY_FILE was set (then the hub also trusts that key's public half). */
    signingKeyFileSet: boolean;
    subgraphs: string | undefined;
    subgraphsFile: string | undefined;
    supergraphFile: string | undefined;
    /** Operations the hub answers alone go straight to it (GATEWAY_HUB_PASS_THROUGH). */
    hubPassThrough: boolean;
  };
};

function metricsSettings(e: z.infer<typeof schema>): MetricsSettings {
  if (e.METRICS === "port") return { mode: "port", port: e.METRICS_PORT, host: e.METRICS_HOST };
  if (e.METRICS === "off") return { mode: "off" };
  // A guessable token would publish the hub's traffic figures; never echo the value.
  if (!e.METRICS_TOKEN || !/^\S{32,}$/.test(e.METRICS_TOKEN)) {
    throw new ConfigError("METRICS_TOKEN", "must be set to at least 32 characters without spaces when METRICS=bearer");
  }
  return { mode: "bearer", token: e.METRICS_TOKEN };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? "environment"), issue.message.toLowerCase());
  }
  const e = parsed.data;
  if (e.MAX_CONCURRENT_MUTATIONS > e.MAX_CONCURRENT_OPERATIONS) {
    throw new ConfigError("MAX_CONCURRENT_MUTATIONS", `must not exceed MAX_CONCURRENT_OPERATIONS (${e.MAX_CONCURRENT_OPERATIONS})`);
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    statsMinCell: e.STATS_MIN_CELL,
    contributeMaxRecords: e.CONTRIBUTE_MAX_RECORDS,
    contributeRunRecords: e.CONTRIBUTE_RUN_RECORDS,
    authIssuersJson: e.AUTH_ISSUERS,
    hubSigningKeyFile: e.HUB_SIGNING_KEY_FILE ?? path.join(dataDir, "hub-signing-key.pem"),
    auditCheckpointFile: path.resolve(e.AUDIT_CHECKPOINT_FILE ?? path.join(dataDir, "audit-head.jws")),
    hubIssuer: e.HUB_ISSUER,
    hubAudience: e.HUB_AUDIENCE,
    metrics: metricsSettings(e),
    corsOrigins: e.CORS_ORIGINS,
    gateway: {
      jwks: e.GATEWAY_JWKS || undefined,
      jwksUrl: e.GATEWAY_JWKS_URL || undefined,
      signingKeyFile: path.resolve(e.GATEWAY_SIGNING_KEY_FILE ?? path.join(dataDir, "gateway-signing-key.pem")),
      signingKeyFileSet: Boolean(e.GATEWAY_SIGNING_KEY_FILE),
      subgraphs: e.GATEWAY_SUBGRAPHS || undefined,
      subgraphsFile: e.GATEWAY_SUBGRAPHS_FILE,
      supergraphFile: e.GATEWAY_SUPERGRAPH_FILE ? path.resolve(e.GATEWAY_SUPERGRAPH_FILE) : undefined,
      hubPassThrough: e.GATEWAY_HUB_PASS_THROUGH === "on",
    },
    httpLimits: {
      maxConcurrentOperations: e.MAX_CONCURRENT_OPERATIONS,
      maxConcurrentMutations: e.MAX_CONCURRENT_MUTATIONS,
      admissionQueueSize: e.ADMISSION_QUEUE_SIZE,
      admissionQueueTimeoutMs: e.ADMISSION_QUEUE_TIMEOUT_MS,
      operationTimeoutMs: e.OPERATION_TIMEOUT_MS,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
    },
  };
}
