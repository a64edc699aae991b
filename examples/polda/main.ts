// Runs Polda's subgraph over an in-memory register filled with the demo's Polda cases:
//   GATEWAY_JWKS='{"keys":[...]}' (or GATEWAY_JWKS_URL) HUB_URL=http://127.0.0.1:4001 PORT=4014 npx tsx examples/polda/main.ts
// POLDA_DATA_DIR keeps the register on disk instead (filled once, when empty).
import { createLogger } from "../../src/logger";
import { demoRecords } from "../../src/seed/records";
import type { GatewayKeys } from "../../src/federation";
import { demoRegister } from "./from-demo";
import { PoldaRegister } from "./register";
import { poldaSubgraph } from "./subgraph";

function required(name: string): string {
  const v = process.env[name];
  if (!v) {
    process.stderr.write(`polda: ${name} must be set\n`);
    process.exit(1);
  }
  return v;
}

function gatewayKeys(): GatewayKeys {
  if (process.env.GATEWAY_JWKS_URL) return { jwksUrl: process.env.GATEWAY_JWKS_URL };
  try {
    return { jwks: JSON.parse(required("GATEWAY_JWKS")) };
  } catch {
    process.stderr.write("polda: GATEWAY_JWKS is not a JSON Web Key Set\n");
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const log = createLogger();
  const gateway = gatewayKeys();
  const hubUrl = required("HUB_URL");
  const register = await PoldaRegister.open(process.env.POLDA_DATA_DIR || undefined);
  if (await register.isEmpty()) await register.load(demoRegister(await demoRecords({ scale: 1 })));
  const subgraph = poldaSubgraph({ register, gateway, hubUrl, log });
  const { url } = await subgraph.listen({ port: Number(process.env.PORT ?? 4014), host: process.env.HOST ?? "127.0.0.1" });
  log.info({ url }, "Polda subgraph listening");
  const stop = async () => {
    await subgraph.stop();
    await register.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

void main();
