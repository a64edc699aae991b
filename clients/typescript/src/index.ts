// The typed TPPO Hub client: createHubClient, the operations of src/operations.ts, and the
// generated types (inputs, enums, each operation's result and variables).
export { createHubClient, HubRequestError, type HubClient, type HubClientOptions, type HubGraphqlError, type HubResult } from "./client";
export { regionsQuery, casesInRegionQuery, contributeMutation } from "./operations";
export { graphql } from "./gql";
export type * from "./gql/graphql";
