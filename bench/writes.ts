// Part 2: `contribute` of 1,000 mixed records on the hub, cold and then an exact replay, against
// the same records written by bulk SQL, interleaved over rounds. Each round writes new records.
import pg from "pg";
import { send } from "./load";
import { statementsSinceReset, resetStatements } from "./sql-count";
import type { RunningSystem } from "./systems";
import type { WriteWorkload } from "./write-batch";

const CONTRIBUTE = `mutation BenchContribute($records: [ContributionInput!]!) { contribute(records: $records) { status errors { code path } } }`;

export interface WriteFigures {
  records: number;
  hubCold: number[];
  hubReplay: number[];
  floorCold: number[];
  floorReplay: number[];
  /** Statements of one batch (first round). */
  statements: { hubCold: number; hubReplay: number; floorCold: number };
  /** Result statuses of the first round, e.g. { CREATED: 1000 } and { UNCHANGED: 1000 }. */
  coldStatuses: Record<string, number>;
  replayStatuses: Record<string, number>;
}

async function contribute(hub: RunningSystem, records: readonly object[]): Promise<{ seconds: number; statuses: Record<string, number> }> {
  const t0 = performance.now();
  const reply = await send(hub, { method: "POST", path: "/graphql", body: JSON.stringify({ query: CONTRIBUTE, variables: { records } }) });
  const seconds = (performance.now() - t0) / 1000;
  const body = JSON.parse(reply.body) as { data?: { contribute: { status: string; errors: { code: string }[] }[] }; errors?: unknown[] };
  if (reply.status !== 200 || body.errors || !body.data) throw new Error(`contribute: HTTP ${reply.status}: ${reply.body.slice(0, 500)}`);
  const statuses: Record<string, number> = {};
  for (const r of body.data.contribute) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  if (statuses.REJECTED) {
    const first = body.data.contribute.find((r) => r.status === "REJECTED");
    throw new Error(`contribute: ${statuses.REJECTED} records rejected, e.g. ${JSON.stringify(first)}`);
  }
  return { seconds, statuses };
}

export async function runWrites(opts: {
  hub: RunningSystem;
  url: string;
  client: pg.Client;
  workload: WriteWorkload;
  rounds: number;
  log: (line: string) => void;
}): Promise<WriteFigures> {
  const { hub, client, workload, log } = opts;
  const floorClient = new pg.Client({ connectionString: opts.url });
  await floorClient.connect();
  const fig: WriteFigures = {
    records: 0,
    hubCold: [],
    hubReplay: [],
    floorCold: [],
    floorReplay: [],
    statements: { hubCold: NaN, hubReplay: NaN, floorCold: NaN },
    coldStatuses: {},
    replayStatuses: {},
  };
  try {
    for (let round = 1; round <= opts.rounds; round++) {
      const hubBatch = workload.buildBatch(round);
      const floorBatch = workload.buildBatch(50 + round);
      fig.records = hubBatch.length;
      const first = round === 1;
      const hubSide = async () => {
        if (first) await resetStatements(client);
        const cold = await contribute(hub, hubBatch);
        if (first) fig.statements.hubCold = await statementsSinceReset(client);
        if (first) await resetStatements(client);
        const replay = await contribute(hub, hubBatch);
        if (first) fig.statements.hubReplay = await statementsSinceReset(client);
        fig.hubCold.push(cold.seconds);
        fig.hubReplay.push(replay.seconds);
        if (first) [fig.coldStatuses, fig.replayStatuses] = [cold.statuses, replay.statuses];
        log(`writes round ${round} hub: cold ${cold.seconds.toFixed(2)} s ${JSON.stringify(cold.statuses)}, replay ${replay.seconds.toFixed(2)} s ${JSON.stringify(replay.statuses)}`);
      };
      const floorSide = async () => {
        let t0 = performance.now();
        fig.statements.floorCold = await workload.runSqlFloor(floorClient, floorBatch, "POLDA-KALBAR");
        fig.floorCold.push((performance.now() - t0) / 1000);
        t0 = performance.now();
        await workload.runSqlFloor(floorClient, floorBatch, "POLDA-KALBAR");
        fig.floorReplay.push((performance.now() - t0) / 1000);
        log(`writes round ${round} bulk SQL: cold ${fig.floorCold.at(-1)!.toFixed(3)} s, replay ${fig.floorReplay.at(-1)!.toFixed(3)} s`);
      };
      if (round % 2) {
        await hubSide();
        await floorSide();
      } else {
        await floorSide();
        await hubSide();
      }
    }
  } finally {
    await floorClient.end();
  }
  return fig;
}
