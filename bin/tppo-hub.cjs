#!/usr/bin/env node
// Runs the compiled CLI in dist/ (`npm run build`; `npm install` builds it). In a source checkout
// whose src/ changed since the last build, it rebuilds first, so `tppo-hub print-schema` or
// `policy matrix` never describe stale code. `npm run dev -- <command>` runs src/ through tsx.
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const buildInfo = path.join(root, "dist/.tsbuildinfo");

/** The build's input modified last ({ file, mtimeMs }), or undefined without a source checkout. */
function newestInput() {
  let newest;
  const consider = (file) => {
    const mtimeMs = fs.statSync(file).mtimeMs;
    if (!newest || mtimeMs > newest.mtimeMs) newest = { file: path.relative(root, file), mtimeMs };
  };
  for (const f of ["tsconfig.json", "tsconfig.build.json"]) if (fs.existsSync(path.join(root, f))) consider(path.join(root, f));
  const src = path.join(root, "src");
  if (!fs.existsSync(src)) return undefined;
  for (const entry of fs.readdirSync(src, { recursive: true, withFileTypes: true })) {
    // Unit tests beside the code are not built (tsconfig.build.json), so they never make dist/ stale.
    if (entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) consider(path.join(entry.parentPath ?? entry.path, entry.name));
  }
  return newest;
}

function rebuildIfStale() {
  const built = fs.existsSync(buildInfo) ? fs.statSync(buildInfo).mtimeMs : 0;
  const newest = newestInput();
  if (!newest || newest.mtimeMs <= built) return;
  let tsc;
  try {
    tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  } catch {
    // A production install without devDependencies: run what was built.
    if (built) return process.stderr.write("tppo-hub: warning: src/ changed since dist/ was built, and TypeScript is not installed to rebuild it\n");
    process.stderr.write("tppo-hub: the compiled CLI (dist/) is missing: run `npm run build` where TypeScript is installed\n");
    process.exit(1);
  }
  process.stderr.write(`tppo-hub: ${built ? `${newest.file} changed since the last build` : "no build yet"}: building dist/ (npm run build)\n`);
  // Compiler output to stderr: stdout belongs to the command.
  const r = require("node:child_process").spawnSync(process.execPath, [tsc, "-b", "tsconfig.build.json"], { cwd: root, stdio: ["ignore", 2, 2] });
  if (r.status !== 0) {
    process.stderr.write("tppo-hub: the build failed (see above)\n");
    process.exit(1);
  }
}

rebuildIfStale();
require("../dist/main.js").run(process.argv);
