// Runs Imigrasi's example system alone: its tables with the demo crossings and its subgraph.
//   GATEWAY_JWKS='{"keys":[...]}' (or GATEWAY_JWKS_URL) HUB_URL=http://127.0.0.1:4001 npx tsx examples/imigrasi/main.ts
// IMIGRASI_DATABASE_URL (postgres://...; default PGlite in memory), PORT (default 4013),
// HOST (default 127.0.0.1), DEMO_SCALE (default 1).
import { z } from "zod";
import type { GatewayKeys } from "../../src/federation";
import { createLogger } from "../../src/logger";
import { IMIGRASI_SUBGRAPH_PORT, startImigrasi } from "./start";

const env = z
  .object({
    GATEWAY_JWKS: z.string().optional(),
    GATEWAY_JWKS_URL: z.url().optional(),
    HUB_URL: z.url(),
    IMIGRASI_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "a postgres:// URL").optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(IMIGRASI_SUBGRAPH_PORT),
    HOST: z.string().min(1).default("127.0.0.1"),
    DEMO_SCALE: z.coerce.number().int().min(1).default(1),
  })
  .refine((e) => e.GATEWAY_JWKS || e.GATEWAY_JWKS_URL, { message: "set GATEWAY_JWKS or GATEWAY_JWKS_URL (the gateway's public keys)", path: ["GATEWAY_JWKS"] });

async function main(): Promise<void> {
  const parsed = env.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    process.stderr.write(`imigrasi: ${issue.path.join(".")}: ${issue.message}\n`);
    process.exit(1);
  }
  const e = parsed.data;
  let gateway: GatewayKeys;
  try {
    gateway = e.GATEWAY_JWKS_URL ? { jwksUrl: e.GATEWAY_JWKS_URL } : { jwks: JSON.parse(e.GATEWAY_JWKS!) };
  } catch {
    process.stderr.write("imigrasi: GATEWAY_JWKS: not a JSON Web Key Set\n");
    process.exit(1);
  }
  const log = createLogger();
  const imigrasi = await startImigrasi(e.PORT, {
    gateway,
    hubAuditUrl: new URL("/federation/audit", e.HUB_URL).toString(),
    databaseUrl: e.IMIGRASI_DATABASE_URL,
    host: e.HOST,
    scale: e.DEMO_SCALE,
    log,
  });
  log.info({ subgraph: imigrasi.url, database: imigrasi.db.kind }, "Imigrasi subgraph listening");
  const stop = async () => {
    await imigrasi.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

void main();
