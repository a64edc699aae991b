// Starts Polda's example system: its investigation register (PGlite, in memory unless `dataDir`)
// with the demo reports, and its subgraph. Called by examples/agency.ts, which `npm start` and the
// end-to-end test run (port 4014 by default).
import type { GatewayKeys, Subgraph } from "../../src/federation";
import type { Logger } from "../../src/logger";
import { demoRecords, type DemoRecords } from "../../src/seed/records";
import { demoRegister } from "./from-demo";
import { PoldaRegister } from "./register";
import { poldaSubgraph } from "./subgraph";

export const POLDA_SUBGRAPH_PORT = 4014;

export interface PoldaStartOptions {
  /** The gateway's public keys. */
  gateway: GatewayKeys;
  /** The hub's audit hand-off endpoint, e.g. http://127.0.0.1:4001/federation/audit */
  hubAuditUrl: string;
  /** Keep the register in this directory (filled with the demo once, when empty). @default in memory */
  dataDir?: string;
  /** The hub's demo records, when the caller already has them. @default demoRecords({ scale }) */
  records?: DemoRecords;
  /** Demo scale, when `records` is not given; use the hub's. @default 1 */
  scale?: number;
  /** @default "127.0.0.1" */
  host?: string;
  log?: Logger;
}

export interface Polda {
  /** The subgraph's /graphql URL (register it with the gateway as "polda"). */
  url: string;
  register: PoldaRegister;
  subgraph: Subgraph;
  stop(): Promise<void>;
}

/** Opens the register, loads the demo reports into an empty one and starts the subgraph on `port` (0 picks a free one). */
export async function startPolda(port: number = POLDA_SUBGRAPH_PORT, opts: PoldaStartOptions): Promise<Polda> {
  const register = await PoldaRegister.open(opts.dataDir);
  try {
    if (await register.isEmpty()) await register.load(demoRegister(opts.records ?? (await demoRecords({ scale: opts.scale ?? 1 }))));
    const subgraph = poldaSubgraph({ register, gateway: opts.gateway, hubAuditUrl: opts.hubAuditUrl, log: opts.log });
    const { url } = await subgraph.listen({ port, host: opts.host ?? "127.0.0.1" });
    return {
      url,
      register,
      subgraph,
      async stop() {
        await subgraph.stop();
        await register.close();
      },
    };
  } catch (err) {
    await register.close();
    throw err;
  }
}
