// Operations an agency system typically sends, typed by `graphql-codegen` (src/gql). Add your own
// here with graphql(`...`) and run the code generation again.
import { graphql } from "./gql";

export const regionsQuery = graphql(`
  query Regions($parentCode: String) {
    regions(parentCode: $parentCode) { code name }
  }
`);

export const casesInRegionQuery = graphql(`
  query CasesInRegion($region: String!, $first: Int = 10) {
    cases(first: $first, filter: { region: $region }) {
      totalCount
      edges { node { id status modus destinationCountry identifiedAt } }
    }
  }
`);

export const contributeMutation = graphql(`
  mutation Contribute($records: [ContributionInput!]!) {
    contribute(records: $records) {
      index recordType externalId status id version currentVersion
      errors { path code message }
      warnings { path code message }
    }
  }
`);
