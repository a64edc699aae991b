// Starts BP3MI's example system: its REST service with the demo register, and its subgraph in
// front of it. Called by `npm start` and the end-to-end test (ports 4011 and 4012 by default).
import crypto from "node:crypto";
import type { GatewayKeys, Subgraph } from "../../src/federation";
import type { Logger } from "../../src/logger";
import { demoRecords, type DemoRecords } from "../../src/seed/records";
import { bp3miDemoData } from "./demo-data";
import { Register } from "./register";
import { startBp3miRest, type Bp3miRest } from "./rest-service";
import { bp3miSubgraph } from "./subgraph";

export const BP3MI_REST_PORT = 4011;
export const BP3MI_SUBGRAPH_PORT = 4012;

export interface Bp3miStartOptions {
  /** The gateway's public keys. */
  gateway: GatewayKeys;
  /** The hub's audit hand-off endpoint, e.g. http://127.0.0.1:4001/federation/audit */
  hubAuditUrl: string;
  /** Port of BP3MI's REST service; 0 picks a free one. @default 4011 */
  restPort?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /** The register to serve. @default the demo register derived from `records` */
  register?: Register;
  /** The hub's demo records, when the caller already has them. @default demoRecords({ scale }) */
  records?: DemoRecords;
  /** Demo scale, when `records` is not given; use the hub's. @default 1 */
  scale?: number;
  /** Key between the subgraph and the REST service. @default a random one */
  apiKey?: string;
  log?: Logger;
}

export interface Bp3mi {
  /** The subgraph's /graphql URL (register it with the gateway as "bp3mi"). */
  url: string;
  /** BP3MI's REST service. */
  rest: Bp3miRest;
  subgraph: Subgraph;
  stop(): Promise<void>;
}

/** Starts the REST service and the subgraph on `port` (0 picks a free one). */
export async function startBp3mi(port: number = BP3MI_SUBGRAPH_PORT, opts: Bp3miStartOptions): Promise<Bp3mi> {
  const host = opts.host ?? "127.0.0.1";
  const register = opts.register ?? new Register(bp3miDemoData(opts.records ?? (await demoRecords({ scale: opts.scale ?? 1 }))));
  const apiKey = opts.apiKey ?? crypto.randomBytes(24).toString("base64url");
  const rest = await startBp3miRest({ register, apiKey, host, port: opts.restPort ?? BP3MI_REST_PORT });
  try {
    const subgraph = bp3miSubgraph({ rest: { url: rest.url, apiKey }, gateway: opts.gateway, hubAuditUrl: opts.hubAuditUrl, log: opts.log });
    const { url } = await subgraph.listen({ port, host });
    return {
      url,
      rest,
      subgraph,
      async stop() {
        await subgraph.stop();
        await rest.close();
      },
    };
  } catch (err) {
    await rest.close();
    throw err;
  }
}
