// The pages talk to the hub only through its public GraphQL API, on the same origin, with the
// officer's own token: what a page can show is exactly what an integrator's client could fetch.

export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorItem[];
}

/** The hub could not be asked, or refused the request as a whole (401, 413, 503, non-JSON). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The hub's GraphQL endpoint on this origin (the hub or the gateway serving the page). */
export const GRAPHQL_PATH = "/graphql";

/**
 * POSTs one operation. Field-level refusals (a FORBIDDEN on one field) come back in `errors`
 * beside partial `data`, as the API returns them; a refusal of the whole request throws ApiError.
 */
export async function graphql<T = unknown, V extends Record<string, unknown> = Record<string, unknown>>(
  query: string,
  variables: V | undefined,
  token: string | null,
  init: { signal?: AbortSignal } = {},
): Promise<GraphQLResponse<T>> {
  let res: Response;
  try {
    res = await fetch(GRAPHQL_PATH, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: init.signal,
    });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new ApiError((err as Error).message || "network error", 0, "NETWORK");
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await res.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`HTTP ${res.status}: not a GraphQL answer`, res.status, undefined);
  }
  // No data at all and a non-2xx status: the request as a whole was refused.
  if (!res.ok && (body.data === undefined || body.data === null)) {
    const first = body.errors?.[0];
    throw new ApiError(first?.message ?? `HTTP ${res.status}`, res.status, first?.extensions?.code);
  }
  return body;
}
