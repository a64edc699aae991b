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
    // jose 6 ships ESM only; Jest's CommonJS runtime needs it transformed.
    "^.+\\.m?js$": swc("ecmascript"),
  },
  transformIgnorePatterns: ["/node_modules/(?!jose/)"],
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/src/**/*.test.ts", "<rootDir>/examples/**/*.test.ts"],
  testTimeout: 120000,
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
};
