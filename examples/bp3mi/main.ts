// Runs BP3MI's example system alone: its REST service with the demo register and its subgraph.
//   GATEWAY_JWKS='{"keys":[...]}' (or GATEWAY_JWKS_URL) HUB_URL=http://127.0.0.1:4001 npx tsx examples/bp3mi/main.ts
// PORT (subgraph, default 4012), BP3MI_REST_PORT (default 4011), HOST (default 127.0.0.1), DEMO_SCALE (default 1).
import { z } from "zod";
import type { GatewayKeys } from "../../src/federation";
import { createLogger } from "../../src/logger";
import { BP3MI_REST_PORT, BP3MI_SUBGRAPH_PORT, startBp3mi } from "./start";

const port = z.coerce.number().int().min(0).max(65535);
const env = z
  .object({
    GATEWAY_JWKS: z.string().optional(),
    GATEWAY_JWKS_URL: z.url().optional(),
    HUB_URL: z.url(),
    PORT: port.default(BP3MI_SUBGRAPH_PORT),
    BP3MI_REST_PORT: port.default(BP3MI_REST_PORT),
    HOST: z.string().min(1).default("127.0.0.1"),
    DEMO_SCALE: z.coerce.number().int().min(1).default(1),
  })
  .refine((e) => e.GATEWAY_JWKS || e.GATEWAY_JWKS_URL, { message: "set GATEWAY_JWKS or GATEWAY_JWKS_URL (the gateway's public keys)", path: ["GATEWAY_JWKS"] });

async function main(): Promise<void> {
  const parsed = env.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    process.stderr.write(`bp3mi: ${issue.path.join(".")}: ${issue.message}\n`);
    process.exit(1);
  }
  const e = parsed.data;
  let gateway: GatewayKeys;
  try {
    gateway = e.GATEWAY_JWKS_URL ? { jwksUrl: e.GATEWAY_JWKS_URL } : { jwks: JSON.parse(e.GATEWAY_JWKS!) };
  } catch {
    process.stderr.write("bp3mi: GATEWAY_JWKS: not a JSON Web Key Set\n");
    process.exit(1);
  }
  const log = createLogger();
  const bp3mi = await startBp3mi(e.PORT, {
    gateway,
    hubAuditUrl: new URL("/federation/audit", e.HUB_URL).toString(),
    restPort: e.BP3MI_REST_PORT,
    host: e.HOST,
    scale: e.DEMO_SCALE,
    log,
  });
  log.info({ subgraph: bp3mi.url, rest: bp3mi.rest.url }, "BP3MI register and subgraph listening");
  const stop = async () => {
    await bp3mi.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

void main();
