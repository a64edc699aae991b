// The typed client's code generation: `npm run codegen:client` (or
// `npx graphql-codegen --config clients/typescript/codegen.ts`). Reads the hub's published SDL and the
// operations written with `graphql(...)` in src/, and writes src/gql/ (committed).
//
// client-preset emits each enum and input once, for the operations that use them. The older
// recipe `typescript` + `typescript-operations` + `typed-document-node` declares the enums and
// inputs twice against this schema (typescript-operations 6 emits them itself), and tsc fails with
// "Duplicate identifier" and "Enum declarations can only merge ...": use this preset, or
// `typescript-operations` + `typed-document-node` without `typescript` (as codegen.ts at the root).
import path from "node:path";
import type { CodegenConfig } from "@graphql-codegen/cli";

const here = __dirname;

const config: CodegenConfig = {
  // The hub's SDL: this repository's by default; an integrator points HUB_SCHEMA at their copy of schema/hub.graphql.
  schema: process.env.HUB_SCHEMA ?? path.join(here, "../../schema/hub.graphql"),
  documents: [path.join(here, "src/**/*.ts"), `!${path.join(here, "src/gql/**")}`],
  ignoreNoDocuments: false,
  generates: {
    [path.join(here, "src/gql/")]: {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        // ISO strings on the wire (graphql-scalars Date and DateTime); unknown for any new scalar.
        scalars: { Date: "string", DateTime: "string" },
        defaultScalarType: "unknown",
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
      },
    },
  },
};

export default config;
