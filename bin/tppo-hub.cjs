#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx: no build step between `npm install` and use.
require("tsx/cjs");
require("../src/main.ts").run(process.argv);
