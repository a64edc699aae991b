/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Regions($parentCode: String) {\n    regions(parentCode: $parentCode) { code name }\n  }\n": typeof types.RegionsDocument,
    "\n  query CasesInRegion($region: String!, $first: Int = 10) {\n    cases(first: $first, filter: { region: $region }) {\n      totalCount\n      edges { node { id status modus destinationCountry identifiedAt } }\n    }\n  }\n": typeof types.CasesInRegionDocument,
    "\n  mutation Contribute($records: [ContributionInput!]!) {\n    contribute(records: $records) {\n      index recordType externalId status id version currentVersion\n      errors { path code message }\n      warnings { path code message }\n    }\n  }\n": typeof types.ContributeDocument,
};
const documents: Documents = {
    "\n  query Regions($parentCode: String) {\n    regions(parentCode: $parentCode) { code name }\n  }\n": types.RegionsDocument,
    "\n  query CasesInRegion($region: String!, $first: Int = 10) {\n    cases(first: $first, filter: { region: $region }) {\n      totalCount\n      edges { node { id status modus destinationCountry identifiedAt } }\n    }\n  }\n": types.CasesInRegionDocument,
    "\n  mutation Contribute($records: [ContributionInput!]!) {\n    contribute(records: $records) {\n      index recordType externalId status id version currentVersion\n      errors { path code message }\n      warnings { path code message }\n    }\n  }\n": types.ContributeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Regions($parentCode: String) {\n    regions(parentCode: $parentCode) { code name }\n  }\n"): (typeof documents)["\n  query Regions($parentCode: String) {\n    regions(parentCode: $parentCode) { code name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CasesInRegion($region: String!, $first: Int = 10) {\n    cases(first: $first, filter: { region: $region }) {\n      totalCount\n      edges { node { id status modus destinationCountry identifiedAt } }\n    }\n  }\n"): (typeof documents)["\n  query CasesInRegion($region: String!, $first: Int = 10) {\n    cases(first: $first, filter: { region: $region }) {\n      totalCount\n      edges { node { id status modus destinationCountry identifiedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Contribute($records: [ContributionInput!]!) {\n    contribute(records: $records) {\n      index recordType externalId status id version currentVersion\n      errors { path code message }\n      warnings { path code message }\n    }\n  }\n"): (typeof documents)["\n  mutation Contribute($records: [ContributionInput!]!) {\n    contribute(records: $records) {\n      index recordType externalId status id version currentVersion\n      errors { path code message }\n      warnings { path code message }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;