// Each subgraph call carries the caller's verified principal as a token the gateway signs for that
// subgraph alone (aud = its registry name, 60 s): a token stolen from one subgraph opens no other,
// and nothing the client sent (its own token included) reaches a subgraph.
import type { HubKey } from "../auth/hub-key";
import type { Principal } from "../auth/principal";
import { PRINCIPAL_TOKEN_SECONDS, signPrincipalToken } from "../federation/principal-token";

export interface GatewayRequestContext {
  principal?: Principal;
  requestId?: string;
}

/** Tokens are reused while they have at least this long to live (signing costs ~0.4 ms a request). */
const REUSE_MS = (PRINCIPAL_TOKEN_SECONDS / 2) * 1000;
const CACHE_SIZE = 2000;

export function principalHeaders(key: HubKey) {
  // The same principal for the same subgraph gets the same token for half its lifetime: the claims
  // are identical, so nothing is widened. Bounded; the oldest entry goes first.
  const cache = new Map<string, { token: Promise<string>; until: number }>();
  const tokenFor = (principal: Principal, subgraph: string): Promise<string> => {
    const k = JSON.stringify([subgraph, principal.subject, principal.agency, principal.roles, principal.purpose, principal.jurisdiction]);
    const now = Date.now();
    const hit = cache.get(k);
    if (hit && hit.until > now) return hit.token;
    const token = signPrincipalToken(key, principal, subgraph);
    cache.delete(k);
    cache.set(k, { token, until: now + REUSE_MS });
    token.catch(() => cache.delete(k));
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return token;
  };
  return async ({ context, subgraphName }: { context: Partial<GatewayRequestContext>; subgraphName: string }): Promise<Record<string, string>> => {
    const principal = context.principal;
    // Unreachable (the server authenticates before GraphQL runs); never call a subgraph anonymously.
    if (!principal) throw new Error("no verified principal for a subgraph call");
    return { authorization: `Bearer ${await tokenFor(principal, subgraphName)}`, ...(context.requestId ? { "x-request-id": context.requestId } : {}) };
  };
}
