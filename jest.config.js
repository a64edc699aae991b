// Unit tests sit beside the code (src/**/*.test.ts); integration tests over HTTP in test/.
const os = require("node:os");

/** @type {import('jest').Config} */
const swc = (syntax) => [
  "@swc/jest",
  { jsc: { parser: { syntax }, target: "es2022" }, module: { type: "commonjs" } },
];
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": swc("typescript"),
    // jose 6 ships ESM only; Jest's CommonJS runtime needs it transformed.
    "^.+\\.m?js$": swc("ecmascript"),
  },
  transformIgnorePatterns: ["/node_modules/(?!jose/)"],
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/src/**/*.test.ts"],
  testTimeout: 120000,
  // Jest's default (cores - 1) runs everything in one process on a 2-core machine, but much of a
  // test's time is spent waiting on PostgreSQL or on a `tppo-hub` child process: two workers
  // there cut the suite from ~190 s to ~135 s.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
};
