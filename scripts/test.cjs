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

// Without a terminal (CI, scripts), jest runs in a process group of its own and a signal to this
// script goes to the whole group: jest, its workers and any hub the tests started, so a killed run
// leaves nothing behind (not even a worker that carries on testing with no parent). In a terminal,
// jest stays in the foreground group, where Ctrl-C already reaches all of them and watch mode can
// read the keyboard.
const ownGroup = !process.stdin.isTTY && process.platform !== "win32";
const child = spawn(process.execPath, [require.resolve("jest/bin/jest"), ...process.argv.slice(2)], {
  cwd: path.resolve(__dirname, ".."),
  stdio: "inherit",
  env: { ...process.env, NODE_OPTIONS: nodeOptions },
  detached: ownGroup,
});
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    try {
      process.kill(ownGroup ? -child.pid : child.pid, sig);
    } catch {
      // already gone
    }
  });
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
