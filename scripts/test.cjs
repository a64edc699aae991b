#!/usr/bin/env node
// `npm test [-- jest args]`: the whole jest suite on PGlite, and on PostgreSQL too when server
// binaries are installed (test/support/global-setup.ts starts a throwaway cluster and says so).
//   REQUIRE_POSTGRES=1 npm test   fail instead of skipping PostgreSQL (what .ci/run does)
//   TEST_PG=0 npm test            PGlite only, for a quick local loop
//   npm test -- test/foundation   any jest arguments pass through
const { spawn } = require("node:child_process");
const path = require("node:path");

// PGlite loads its WASM through dynamic import(), which jest's CommonJS runtime only supports
// with VM modules. The warning that flag prints on every run carries no information.
const nodeOptions = [process.env.NODE_OPTIONS, "--experimental-vm-modules", "--disable-warning=ExperimentalWarning"]
  .filter(Boolean)
  .join(" ");

const child = spawn(process.execPath, [require.resolve("jest/bin/jest"), ...process.argv.slice(2)], {
  cwd: path.resolve(__dirname, ".."),
  stdio: "inherit",
  env: { ...process.env, NODE_OPTIONS: nodeOptions },
});
// Ctrl-C reaches jest through the terminal's process group; a plain `kill` of this process must too.
for (const sig of ["SIGTERM", "SIGHUP"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
