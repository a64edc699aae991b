// Runs once after all test files, also after failures. Prints nothing: jest's summary stays
// the last thing on screen.
import pg from "pg";
import { STATE_KEY, type PostgresRun } from "./global-setup";

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<symbol, unknown>)[STATE_KEY] as PostgresRun | undefined;
  if (!state) return;
  delete (globalThis as Record<symbol, unknown>)[STATE_KEY];
  state.unhook();
  if (state.cluster) return state.cluster.stop();
  // Someone else's server: remove only our template.
  const client = new pg.Client({ connectionString: state.adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${state.template}"`);
  } finally {
    await client.end();
  }
}
