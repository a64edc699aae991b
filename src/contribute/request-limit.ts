// Caps how many records one request may contribute, before anything executes (when each record
// was its own transaction, 1,000 records held the hub for over a minute; batches are now written
// in bulk, see src/contribute/bulk/). Counted over the whole operation: every `contribute` batch and
// every single-record `contribute*` mutation, aliases and fragments included, variables resolved.
import type { ApolloServerPlugin } from "@apollo/server";
import {
  getVariableValues,
  Kind,
  valueFromAST,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { HubError } from "../errors";

export interface ContributionLimitOptions {
  /** Records one request may contribute in total. @default 100 */
  maxRecords?: number;
}

export const DEFAULT_MAX_RECORDS_PER_REQUEST = 100;

/** Records an operation would contribute: a batch counts its entries, a single-record mutation one. */
export function contributedRecords(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  rawVariables: Record<string, unknown>,
): number {
  const mutation = schema.getMutationType();
  if (operation.operation !== "mutation" || !mutation) return 0;
  const coerced = operation.variableDefinitions?.length ? (getVariableValues(schema, operation.variableDefinitions, rawVariables).coerced ?? rawVariables) : rawVariables;
  const fields = mutation.getFields();
  const seen = new Set<string>();
  const count = (set: SelectionSetNode): number => {
    let n = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) n += count(sel.selectionSet);
      else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        // A fragment spread twice selects the same response keys: its fields run once.
        const f = fragments[sel.name.value];
        if (f && !seen.has(f.name.value)) {
          seen.add(f.name.value);
          n += count(f.selectionSet);
        }
      } else if (sel.name.value === "contribute") {
        const arg = sel.arguments?.find((a) => a.name.value === "records");
        const def = fields.contribute?.args.find((a) => a.name === "records");
        const value = arg && def ? valueFromAST(arg.value, def.type, coerced) : undefined;
        n += Array.isArray(value) ? value.length : 1;
      } else if (sel.name.value.startsWith("contribute")) n += 1;
    }
    return n;
  };
  return count(operation.selectionSet);
}

export function contributionLimitPlugin(opts: ContributionLimitOptions = {}): ApolloServerPlugin {
  const max = opts.maxRecords ?? DEFAULT_MAX_RECORDS_PER_REQUEST;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, document, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const n = contributedRecords(schema, operation, fragments, request.variables ?? {});
          if (n > max) {
            throw new HubError(
              "BAD_USER_INPUT",
              `One request may contribute at most ${max} records; this one has ${n}. Nothing was written: split it into several requests and resend.`,
              { http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}
