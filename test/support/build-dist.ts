// The CLI tests run bin/tppo-hub.cjs, which runs the compiled dist/. Jest's global setup calls this
// so no test runs a dist/ older than src/: `tsc -b` compares the sources with its last build and
// compiles only when something changed (when nothing did, it returns in well under a second).
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

export function buildDist(): void {
  const started = Date.now();
  const r = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-b", "tsconfig.build.json", "--verbose"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  if (r.status !== 0) {
    throw new Error(`Building dist/ for the CLI tests failed (\`npm run build\`):\n${r.stdout}${r.stderr}${r.error ?? ""}`);
  }
  if (/Building project/.test(r.stdout)) process.stderr.write(`\ndist/: rebuilt from src/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
