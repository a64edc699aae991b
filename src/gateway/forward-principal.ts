// Each subgraph call carries the caller's verified principal as a token the gateway signs for that
// subgraph alone (aud = its registry name, 60 s): a token stolen from one subgraph opens no other,
// and nothing the client sent (its own token included) reaches a subgraph.
import type { HubKey } from "../auth/hub-key";
import type { Principal } from "../auth/principal";
import { signPrincipalToken } from "../federation/principal-token";

export interface GatewayRequestContext {
  principal?: Principal;
  requestId?: string;
  /** Tokens signed for this request, by subgraph: a plan calling a subgraph twice signs once. */
  principalTokens?: Map<string, Promise<string>>;
}

export function principalHeaders(key: HubKey) {
  return async ({ context, subgraphName }: { context: Partial<GatewayRequestContext>; subgraphName: string }): Promise<Record<string, string>> => {
    const principal = context.principal;
    // Unreachable (the server authenticates before GraphQL runs); never call a subgraph anonymously.
    if (!principal) throw new Error("no verified principal for a subgraph call");
    const tokens = (context.principalTokens ??= new Map());
    let token = tokens.get(subgraphName);
    if (!token) tokens.set(subgraphName, (token = signPrincipalToken(key, principal, subgraphName, context.requestId)));
    return { authorization: `Bearer ${await token}`, ...(context.requestId ? { "x-request-id": context.requestId } : {}) };
  };
}
