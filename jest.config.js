// Unit tests sit beside the code (src/**/*.test.ts); integration tests over HTTP in test/.
/** @type {import('jest').Config} */
const swc = (syntax) => [
  "@swc/jest",
  { jsc: { parser: { syntax }, target: "es2022" }, module: { type: "commonjs" } },
];
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": swc("typescript"),
    // jose 6 and content-disposition 1 (under @fastify/static) ship ESM only; Jest's CommonJS
    // runtime needs them transformed.
    "^.+\\.m?js$": swc("ecmascript"),
  },
  transformIgnorePatterns: ["/node_modules/(?!(jose|content-disposition)/)"],
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/src/**/*.test.ts", "<rootDir>/examples/**/*.test.ts"],
  testTimeout: 120000,
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
};
