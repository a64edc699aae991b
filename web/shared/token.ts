// Where a page gets its bearer token. Today: the officer pastes a token (from the hub's demo
// tokens or their agency's issuer) into the sign-in box, and it is kept in sessionStorage, so it
// is gone when the tab closes and other tabs never see it.
//
// An agency's OpenID Connect sign-in replaces this module's source, nothing else: implement
// TokenSource with an OIDC client (authorization-code flow with PKCE, the ID provider's access
// token as the bearer, the hub trusting that issuer through AUTH_ISSUERS) and export it as
// `tokenSource`. Pages only call getToken/setToken/clearToken/subscribe, and never parse or
// store the token themselves.

export interface TokenSource {
  /** The bearer token for the next request, or null when signed out. */
  getToken(): string | null;
  /** Signs in with a pasted token (an OIDC source would start its redirect instead). */
  setToken(token: string): void;
  clearToken(): void;
  /** Called after every sign-in and sign-out; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

const STORAGE_KEY = "tppo-hub.token";

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: the token lives in memory only
  }
}

/** Strips what people paste along with a token: whitespace, quotes, a "Bearer " prefix. */
export function normaliseToken(raw: string): string {
  return raw.trim().replace(/^["']|["']$/g, "").replace(/^Bearer\s+/i, "").trim();
}

/** True when the text looks like a compact JWS (three base64url parts). Not a verification. */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

/** The token's claims for display (agency, roles, expiry); the hub verifies, the page only shows. */
export function tokenClaims(token: string): Record<string, unknown> | null {
  const part = token.split(".")[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function pastedTokenSource(): TokenSource {
  let memory: string | null = storage()?.getItem(STORAGE_KEY) ?? null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  return {
    getToken: () => memory,
    setToken(token) {
      memory = normaliseToken(token) || null;
      if (memory) storage()?.setItem(STORAGE_KEY, memory);
      else storage()?.removeItem(STORAGE_KEY);
      notify();
    },
    clearToken() {
      memory = null;
      storage()?.removeItem(STORAGE_KEY);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const tokenSource: TokenSource = pastedTokenSource();
export const getToken = () => tokenSource.getToken();
export const setToken = (token: string) => tokenSource.setToken(token);
export const clearToken = () => tokenSource.clearToken();
