// The hub's operations as GraphiQL tabs: web/graphiql/examples/NN-name.graphql, each with an
// optional NN-name.variables.json beside it. test/web/graphiql.test.ts validates every one against
// the hub's schema and runs it against a demo hub, so the examples stay true.

const documents = import.meta.glob<string>("./examples/*.graphql", { query: "?raw", import: "default", eager: true });
const variables = import.meta.glob<string>("./examples/*.variables.json", { query: "?raw", import: "default", eager: true });

export interface Example {
  query: string;
  variables?: string;
}

export const EXAMPLES: Example[] = Object.keys(documents)
  .sort()
  .map((file) => ({ query: documents[file]!, variables: variables[file.replace(/\.graphql$/, ".variables.json")] }));
