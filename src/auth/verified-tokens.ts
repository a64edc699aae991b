// Tokens already verified, by their exact string: a caller (or the gateway, with the principal
// token it reuses) sending the same token again costs a map lookup instead of a signature check.
// An entry lives until the token's `exp` (strictly: the clock tolerance is left to a full check)
// and at most `maxAgeMs`, which bounds how long a token stays accepted after its issuer's key is
// removed (fetched keys are kept longer than that, ISSUER_DEFAULTS). Bounded; the oldest goes first.
import type { Principal } from "./principal";

export interface VerifiedTokens {
  get(token: string): Principal | undefined;
  /** `exp`: the token's expiry in seconds since the epoch, as verified. */
  set(token: string, principal: Principal, exp: number): void;
}

export function verifiedTokens(o: { maxEntries: number; maxAgeMs: number }): VerifiedTokens {
  const entries = new Map<string, { principal: Principal; until: number }>();
  return {
    get(token) {
      const hit = entries.get(token);
      if (!hit) return undefined;
      if (hit.until <= Date.now()) {
        entries.delete(token);
        return undefined;
      }
      // Copies: a caller's changes to its principal never reach the next request's.
      return { ...hit.principal, roles: [...hit.principal.roles], jurisdiction: [...hit.principal.jurisdiction] };
    },
    set(token, principal, exp) {
      const now = Date.now();
      const until = Math.min(exp * 1000, now + o.maxAgeMs);
      if (until <= now) return;
      entries.delete(token);
      entries.set(token, { principal: { ...principal, roles: [...principal.roles], jurisdiction: [...principal.jurisdiction] }, until });
      if (entries.size > o.maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}
