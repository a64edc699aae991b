// Where planned records go: the contribute engine in this process (contributeBatch, with the
// request context's audit and policy grants, exactly as the GraphQL mutation builds them), or a
// hub's GraphQL `contribute` mutation over HTTP with the agency's token. Both answer per record.
import { contributeBatch, MAX_BATCH, type ContributionStatus } from "../contribute";
import { contributeOptions, markDryRun } from "../contribute/for-request";
import { DEFAULT_MAX_RECORDS_PER_REQUEST } from "../contribute/request-limit";
import type { RequestContext } from "../request/context";

export interface SinkError {
  path: readonly string[];
  code: string;
  message: string;
}

export interface SinkResult {
  status: ContributionStatus;
  externalId: string | null;
  errors: readonly SinkError[];
  warnings: readonly SinkError[];
}

export interface Sink {
  /** Records one call may carry. */
  readonly maxRecords: number;
  /** Contributes the entries in order; with dryRun, decides them as a real call would and writes nothing. */
  contribute(entries: readonly unknown[], dryRun: boolean): Promise<SinkResult[]>;
}

/** The import stopped as a whole (hub unreachable, token refused): one line for the officer. */
export class ImportError extends Error {
  override name = "ImportError";
}

/** In this process, as `ctx.principal`; audit entries are sealed after every batch, as after a request. */
export function engineSink(ctx: RequestContext): Sink {
  return {
    maxRecords: MAX_BATCH,
    async contribute(entries, dryRun) {
      if (dryRun) markDryRun(ctx, "import");
      const results = await contributeBatch({ ...contributeOptions(ctx), dryRun }, entries);
      if (ctx.audit.pending > 0) await ctx.audit.flush();
      if (ctx.audit.appended) ctx.auditCheckpointer?.poke();
      return results;
    },
  };
}

const MUTATION = `mutation Import($records: [ContributionInput!]!, $dryRun: Boolean) {
  contribute(records: $records, dryRun: $dryRun) { index status externalId errors { path code message } warnings { path code message } }
}`;

interface GraphqlAnswer {
  data?: { contribute?: SinkResult[] | null } | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** A hub's /graphql endpoint with a Bearer token; `maxRecords` must not exceed its CONTRIBUTE_MAX_RECORDS. */
export function httpSink(url: string, token: string, maxRecords = DEFAULT_MAX_RECORDS_PER_REQUEST): Sink {
  return {
    maxRecords,
    async contribute(entries, dryRun) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: MUTATION, variables: { records: entries, dryRun } }),
        });
      } catch (err) {
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        throw new ImportError(`cannot reach the hub at ${url}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
      }
      const text = await res.text();
      let body: GraphqlAnswer | null = null;
      try {
        body = JSON.parse(text) as GraphqlAnswer;
      } catch {
        // answered below
      }
      const first = body?.errors?.[0];
      if (res.status === 401) throw new ImportError(`the hub refused the token (HTTP 401 ${first?.extensions?.code ?? ""}): ${first?.message ?? "authentication required"}`.replace("  ", " "));
      const results = body?.data?.contribute;
      if (!results) {
        throw new ImportError(`the hub at ${url} answered HTTP ${res.status}${first ? `: ${first.extensions?.code ? `${first.extensions.code}: ` : ""}${first.message}` : body ? "" : " (not a GraphQL answer)"}`);
      }
      return results;
    },
  };
}
