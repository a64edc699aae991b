// The adapter kit: build an agency's subgraph for the TPPO gateway (guide: docs/federation.md,
// Bahasa Indonesia: docs/id/federasi.md). The kit checks the gateway's token (401 before any
// parsing; /healthz and /readyz stay open), applies the agency's section of the hub's policy
// (POLICY.subgraphs[name]: deny, masks, purposes, child/consent protections, row scopes) inside
// the subgraph, batches `_entities` lookups with per-request DataLoaders, maps errors to the
// hub's codes and hands every sensitive release to the hub's audit log (fail closed).
//
// Usage (an Imigrasi subgraph; its policy section is POLICY.subgraphs.imigrasi):
//
//   import { createSubgraph, documentNumbers, inJurisdiction, type SubgraphContext } from "../../src/federation";
//
//   const typeDefs = `
//     extend schema @link(url: "https://specs.apollo.dev/federation/v2.6",
//                         import: ["@key", "@external", "@requires", "@shareable"])
//     type Person @key(fields: "id") {
//       id: ID!
//       documents: [IdentityDocument!]! @external
//       identityProtected: Boolean @external
//       borderCrossings: [ImigrasiCrossing!] @requires(fields: "documents { type number } identityProtected")
//     }
//     type IdentityDocument { type: IdentityDocumentType! @external  number: String @external }
//     enum IdentityDocumentType { NIK PASSPORT KK PLB SPLP ID_PMI OTHER }   # the hub's values
//     type ImigrasiCrossing { id: ID!  travellerName: String  passportNumber: String  ... }`;
//
//   const subgraph = createSubgraph({
//     name: "imigrasi",                                   // registry name = policy section = token audience
//     typeDefs,
//     resolvers: {
//       Person: {
//         // One SQL query for all persons of the request (DataLoader), keyed by clear passport numbers.
//         borderCrossings: (person, _args, ctx: SubgraphContext) =>
//           ctx.loader("crossingsByPassport", (numbers: readonly string[]) => db.crossingsFor(numbers))
//             .loadMany(documentNumbers(person, "PASSPORT")).then((lists) => lists.flat()),
//       },
//       ImigrasiCrossing: { travellerName: (row) => row.nama_lengkap /* your own column names */ },
//     },
//     scopes: {                                           // every scope the section names, by name
//       inJurisdiction: (row, p) => inJurisdiction(row.kode_wilayah, p),  // the hub's own prefix rule
//     },
//     gateway: { jwksUrl: "http://127.0.0.1:4000/.well-known/jwks.json" },  // or { jwks } / { keys }
//     hubAuditUrl: "http://127.0.0.1:4001/federation/audit",
//     ready: () => db.query("SELECT 1"),                 // GET /readyz
//   });                                                   // throws SubgraphConfigError: undecided field, missing scope, ...
//   const { url } = await subgraph.listen({ port: 4013 });
//
// Rules the kit enforces on your schema at start-up: every resolver names a type and field of the
// SDL (@graphql-tools/schema's check, so a misspelt mapping fails); every field you add has a grant in your
// policy section; identity carriers and special fields are nullable; every named row scope is
// implemented; a subgraph holding identity values for a Person requires `identityProtected`.
// Where a field returns an interface or union, give rows a `__typename` (or the type a
// `__resolveType`): a row whose type the kit cannot tell is dropped from scoped results. Name rows for the audit log with `id` (or
// pass `recordIds: { Type: (row) => row.yourKey }`).
export { createSubgraph, type GatewayKeys, type Subgraph, type SubgraphOptions } from "./subgraph";
export type { SubgraphContext } from "./context";
export type { RowScope, RecordIdOf } from "./enforce";
export { SubgraphConfigError } from "./subgraph-policy";
export { badInput, HubError, sourceUnavailable, type ErrorCode } from "./errors";
export { documentNumbers, inJurisdiction, isMasked, type PersonRepresentation } from "./matching";
export { GATEWAY_ISSUER, signPrincipalToken, gatewayIssuer, verifyPrincipalToken } from "./principal-token";
export { MAX_HANDOFF_ENTRIES, type AuditHandoffBody, type AuditHandoffEntry } from "./audit-handoff";
