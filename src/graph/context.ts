// What every resolver sees. Built once per request in src/server.ts; resolvers never read
// headers or token claims themselves.
import type { Database } from "../db/database";
import type { Logger } from "../logger";
import type { Principal } from "../auth/principal";

export interface GraphContext {
  requestId: string;
  db: Database;
  log: Logger;
  /** The verified caller. Null only for public endpoints, which never reach GraphQL. */
  principal: Principal;
}
