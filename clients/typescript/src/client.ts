// A small typed client for the hub's GraphQL API: one function per request, typed by the
// operation it sends (a TypedDocumentNode from src/gql). No dependency beyond `graphql` and fetch.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

export interface HubClientOptions {
  /** The hub's or the gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A bearer token (your identity provider's, or one `tppo-hub token` signed). */
  token: string | (() => string | Promise<string>);
  fetch?: typeof fetch;
}

export interface HubGraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** The request failed as a whole (HTTP error, or errors and no data). */
export class HubRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: HubGraphqlError[],
  ) {
    super(`TPPO Hub answered HTTP ${status}: ${errors.map((e) => `${e.extensions?.code ?? "ERROR"} ${e.message}`).join("; ")}`);
    this.name = "HubRequestError";
  }
}

export interface HubResult<TData> {
  data: TData;
  /** Fields the policy refused (FORBIDDEN) are null in `data` and listed here; the rest stands. */
  errors: HubGraphqlError[];
}

export function createHubClient(opts: HubClientOptions) {
  const doFetch = opts.fetch ?? fetch;
  return {
    async request<TData, TVariables extends Record<string, unknown>>(
      document: TypedDocumentNode<TData, TVariables>,
      // Variables are optional when the operation has no required ones.
      ...[variables]: {} extends TVariables ? [variables?: TVariables] : [variables: TVariables]
    ): Promise<HubResult<TData>> {
      const token = typeof opts.token === "function" ? await opts.token() : opts.token;
      const res = await doFetch(opts.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: print(document), variables }),
      });
      let body: { data?: TData | null; errors?: HubGraphqlError[] };
      try {
        body = (await res.json()) as typeof body;
      } catch {
        throw new HubRequestError(res.status, [{ message: "the answer is not JSON" }]);
      }
      if (!res.ok || body.data == null) throw new HubRequestError(res.status, body.errors ?? []);
      return { data: body.data, errors: body.errors ?? [] };
    },
  };
}

export type HubClient = ReturnType<typeof createHubClient>;
