// What GET /metrics answers, whatever serves it (the hub's own port in bearer mode, the separate
// metrics server in port mode), as a plain status/headers/body triple.
import crypto from "node:crypto";
import type { HubMetrics } from "./hub-metrics";

export interface ScrapeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const digest = (s: string) => crypto.createHash("sha256").update(s).digest();

/**
 * Whether an Authorization header carries exactly `Bearer <token>`. Compared in constant time
 * (over digests, so the token's length does not leak either). The GraphQL JWT is not accepted.
 */
export function bearerMatches(token: string, authorization: string | undefined): boolean {
  const m = /^Bearer +(\S+)\s*$/i.exec(authorization ?? "");
  // Compare even when absent, so a missing header costs the same as a wrong one.
  return crypto.timingSafeEqual(digest(m?.[1] ?? ""), digest(token)) && m !== null;
}

/**
 * The scrape answer. With a `token`, the caller's Authorization header must match it (bearer
 * mode); without one the endpoint is open (port mode, bound to METRICS_HOST).
 */
export async function scrapeResponse(metrics: HubMetrics, auth: { token?: string; authorization?: string }): Promise<ScrapeResponse> {
  if (auth.token !== undefined && !bearerMatches(auth.token, auth.authorization)) {
    return {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8", "www-authenticate": 'Bearer realm="tppo-hub-metrics"' },
      body: "Authentication required: Authorization: Bearer <METRICS_TOKEN>\n",
    };
  }
  const { contentType, body } = await metrics.scrape();
  return { status: 200, headers: { "content-type": contentType, "cache-control": "no-store" }, body };
}
