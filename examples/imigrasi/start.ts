// Starts Imigrasi's example system: its tables (PGlite in memory, or the PostgreSQL database at
// `databaseUrl`) with the demo crossings, and its subgraph. Called by `npm start` and the
// end-to-end test (port 4013 by default).
import type { GatewayKeys, Subgraph } from "../../src/federation";
import type { Logger } from "../../src/logger";
import { demoRecords, type DemoRecords } from "../../src/seed/records";
import { insertCrossings } from "./crossings";
import { openImigrasiDb, type ImigrasiDb } from "./database";
import { imigrasiDemoRows } from "./demo-data";
import { imigrasiSubgraph } from "./subgraph";
import { createTables } from "./tables";

export const IMIGRASI_SUBGRAPH_PORT = 4013;

export interface ImigrasiStartOptions {
  /** The gateway's public keys. */
  gateway: GatewayKeys;
  /** The hub's audit hand-off endpoint, e.g. http://127.0.0.1:4001/federation/audit */
  hubAuditUrl: string;
  /** Imigrasi's PostgreSQL database (postgres://...). @default PGlite in memory */
  databaseUrl?: string;
  /** Load the demo crossings (rows already there are kept). @default true */
  demo?: boolean;
  /** The hub's demo records, when the caller already has them. @default demoRecords({ scale }) */
  records?: DemoRecords;
  /** Demo scale, when `records` is not given; use the hub's. @default 1 */
  scale?: number;
  /** @default "127.0.0.1" */
  host?: string;
  log?: Logger;
}

export interface Imigrasi {
  /** The subgraph's /graphql URL (register it with the gateway as "imigrasi"). */
  url: string;
  db: ImigrasiDb;
  subgraph: Subgraph;
  stop(): Promise<void>;
}

/** Opens Imigrasi's database, creates its tables, loads the demo crossings and starts the subgraph on `port` (0 picks a free one). */
export async function startImigrasi(port: number = IMIGRASI_SUBGRAPH_PORT, opts: ImigrasiStartOptions): Promise<Imigrasi> {
  const db = await openImigrasiDb({ url: opts.databaseUrl });
  try {
    await createTables(db);
    if (opts.demo ?? true) await insertCrossings(db, imigrasiDemoRows(opts.records ?? (await demoRecords({ scale: opts.scale ?? 1 }))));
    const subgraph = imigrasiSubgraph({ db, gateway: opts.gateway, hubAuditUrl: opts.hubAuditUrl, log: opts.log });
    const { url } = await subgraph.listen({ port, host: opts.host ?? "127.0.0.1" });
    return {
      url,
      db,
      subgraph,
      async stop() {
        await subgraph.stop();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
