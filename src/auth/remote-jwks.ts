// An agency issuer's JWKS endpoint as a jose key resolver, with every fetch rate limited.
//
// Why not jose.createRemoteJWKSet alone: it limits refetches on an unknown kid (cooldown), but
// while the endpoint is failing it refetches on EVERY request (a failed fetch does not start the
// cooldown), so junk tokens naming the issuer would make the hub hammer a struggling identity
// provider and hold each request for the full timeout. Here any fetch attempt, successful or not,
// starts the cooldown; in between, an issuer whose keys could not be loaded fails closed at once.
import * as jose from "jose";

/** The issuer's keys could not be loaded (unreachable, timeout, non-200, not a JWKS). Fails closed. */
export class IssuerKeysUnavailable extends Error {
  constructor(readonly issuerName: string, detail: string) {
    super(`JWKS of issuer ${issuerName} unavailable: ${detail}`);
    this.name = "IssuerKeysUnavailable";
  }
}

export interface RemoteKeySetOptions {
  /** Label for errors and logs. */
  name: string;
  /** Minimum milliseconds between two fetch attempts (unknown kid, or a failed fetch). */
  cooldownMs: number;
  /** Keys older than this are refetched before use; a key removed from the JWKS stops working after at most this long. */
  cacheMaxAgeMs: number;
  /** Abort a fetch after this many milliseconds. */
  timeoutMs: number;
}

export interface RemoteKeySet {
  (header: jose.JWTHeaderParameters, token: jose.FlattenedJWSInput): Promise<jose.CryptoKey>;
  /** Fetch attempts so far (successful or not). */
  readonly fetches: number;
}

/** A JWKS document larger than this is refused (a real one is a few KiB). */
const MAX_JWKS_BYTES = 256 * 1024;

export function remoteKeySet(url: URL, opts: RemoteKeySetOptions): RemoteKeySet {
  let local: ReturnType<typeof jose.createLocalJWKSet> | undefined;
  let loadedAt = -Infinity; // last successful fetch
  let attemptedAt = -Infinity; // last fetch attempt, successful or not
  let lastFailure: IssuerKeysUnavailable | undefined;
  let pending: Promise<void> | undefined;
  let fetches = 0;

  async function fetchOnce(): Promise<void> {
    attemptedAt = Date.now();
    fetches++;
    try {
      const res = await fetch(url, {
        method: "GET",
        redirect: "manual", // a redirect could hand key selection to someone else
        signal: AbortSignal.timeout(opts.timeoutMs),
        headers: { accept: "application/jwk-set+json, application/json" },
      });
      if (res.status !== 200) {
        await res.body?.cancel();
        throw new IssuerKeysUnavailable(opts.name, `HTTP ${res.status}`);
      }
      if (Number(res.headers.get("content-length") ?? 0) > MAX_JWKS_BYTES) {
        await res.body?.cancel();
        throw new IssuerKeysUnavailable(opts.name, "response too large");
      }
      const text = await res.text();
      if (text.length > MAX_JWKS_BYTES) throw new IssuerKeysUnavailable(opts.name, "response too large");
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new IssuerKeysUnavailable(opts.name, "response is not JSON");
      }
      try {
        local = jose.createLocalJWKSet(json as jose.JSONWebKeySet);
      } catch {
        throw new IssuerKeysUnavailable(opts.name, "response is not a JWK set");
      }
      loadedAt = Date.now();
      lastFailure = undefined;
    } catch (err) {
      const failure =
        err instanceof IssuerKeysUnavailable
          ? err
          : new IssuerKeysUnavailable(opts.name, (err as Error).name === "TimeoutError" ? "timed out" : "unreachable");
      lastFailure = failure;
      throw failure;
    }
  }

  /** Concurrent callers share one fetch. */
  function reload(): Promise<void> {
    pending ??= fetchOnce().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  const coolingDown = () => Date.now() - attemptedAt < opts.cooldownMs;

  const resolve = async (header: jose.JWTHeaderParameters, token: jose.FlattenedJWSInput): Promise<jose.CryptoKey> => {
    if (pending) await pending.catch(() => undefined); // its outcome is judged below
    if (!local || Date.now() - loadedAt >= opts.cacheMaxAgeMs) {
      // Empty or expired: never fall back to stale keys (a removed key must stop working).
      // After a failed attempt, fail fast until the cooldown has passed.
      if (lastFailure && coolingDown()) throw lastFailure;
      await reload();
    }
    try {
      return await local!(header, token);
    } catch (err) {
      // Unknown kid: perhaps a key rotated in since the last fetch. At most one refetch per cooldown.
      if (err instanceof jose.errors.JWKSNoMatchingKey && !coolingDown()) {
        await reload();
        return local!(header, token);
      }
      throw err;
    }
  };
  return Object.defineProperty(resolve, "fetches", { get: () => fetches, enumerable: true }) as RemoteKeySet;
}
