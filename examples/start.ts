// `npm start`: the demo federation (examples/federation.ts) on the ports of FEDERATION.md, with
// demo data in the hub and in each agency system. Prints where the gateway listens and the demo
// tokens; each process logs to DATA_DIR/logs/<service>.log. Ctrl-C stops everything.
// The hub alone: `npx tppo-hub serve --demo`.
import path from "node:path";
import { DEMO_PORTS, startFederation, type Federation } from "./federation";
import { webPageLines } from "../src/start-banner";

async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
  const began = performance.now();
  process.stdout.write("Starting the TPPO Hub demo federation: hub, BP3MI, Imigrasi and Polda subgraphs, gateway ...\n");
  let fed: Federation;
  try {
    fed = await startFederation({ dataDir, logLevel: process.env.LOG_LEVEL });
  } catch (err) {
    process.stderr.write(`npm start: ${(err as Error).message}\n`);
    process.exit(1);
  }
  const s = fed.services;
  const width = Math.max(...Object.keys(fed.demoTokens).map((l) => l.length));
  process.stdout.write(
    [
      "",
      `TPPO Hub gateway ready at ${fed.gatewayUrl} (${((performance.now() - began) / 1000).toFixed(1)} s)`,
      `  hub subgraph        ${s.hub.url}`,
      `  bp3mi subgraph      ${s.bp3mi.url} (over BP3MI's REST service on port ${DEMO_PORTS.bp3miRest})`,
      `  imigrasi subgraph   ${s.imigrasi.url}`,
      `  polda subgraph      ${s.polda.url}`,
      `  logs                ${path.dirname(s.hub.logFile)}/<service>.log`,
      "",
      // The pages talk to the hub's own /graphql (the hub subgraph accepts the same tokens).
      ...webPageLines(s.hub.url, { demo: true }),
      "",
      `Demo tokens (send as "Authorization: Bearer <token>"; also in ${fed.demoTokensFile}):`,
      ...Object.entries(fed.demoTokens).map(([label, token]) => `  ${label.padEnd(width)}  ${token}`),
      "",
      "A query across the hub, Polda, BP3MI and Imigrasi (with the police-investigator token):",
      `  curl -s ${fed.gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
      `    -d '{"query":"{ cases(first: 2) { edges { node { id status investigation { reportNumber stage investigatorUnit } participants { role person { fullName bp3miPlacements { destinationCountry status } borderCrossings { direction checkpoint crossedAt } } } } } } }"}'`,
      "",
    ].join("\n") + "\n",
  );
  let stopping = false;
  const stop = async (why: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${why}: stopping the demo federation\n`);
    await fed.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  // One part dying takes the demo down with a pointer to its log, rather than a half-working federation.
  for (const svc of Object.values(s)) {
    void svc.exited.then(({ code, signal }) => {
      if (stopping) return;
      process.stderr.write(`npm start: ${svc.name} exited (${signal ?? `code ${code}`}); see ${svc.logFile}\n`);
      void stop(`${svc.name} stopped`, 1);
    });
  }
}

void main();
