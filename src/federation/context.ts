// What a subgraph's resolvers see (the `context` argument): the verified caller and per-request
// helpers. Built once per request by the kit (./subgraph.ts); resolvers never read headers.
import DataLoader from "dataloader";
import type { Principal } from "../auth/principal";
import type { Logger } from "../logger";
import type { SubgraphRowRule } from "../policy/types";
import type { AuditHandoff } from "./audit-handoff";

export interface SubgraphContext {
  /** The caller the gateway verified (roles, purpose, jurisdiction, agency). */
  principal: Principal;
  /** The gateway's request id (the token's `jti`) when it sent one, else this subgraph's own. */
  requestId: string;
  log: Logger;
  /**
   * A DataLoader created once per request under `name`: every `load(key)` of one tick becomes one
   * call of `batch(keys)` (e.g. one SQL `WHERE passport = ANY($1)` for all `_entities`).
   * `batch` returns one result per key, in the keys' order (an Error for a key that failed).
   */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>): DataLoader<K, V>;
  /**
   * The row rule of `typeName` for this caller (roles ORed): "all", "none", or alternatives of
   * scope names (ORed; each an AND). Optional: to push the scope into the source's query. The kit
   * applies the scopes to every returned row in any case.
   */
  rowRule(typeName: string): "none" | SubgraphRowRule;
  /** @internal the kit's per-request state. */
  readonly kit: KitRequestState;
}

export type ProtectionState = "protected" | "unknown" | "clear";

/** @internal Per-request bookkeeping of the kit (protections, audit). */
export interface KitRequestState {
  /**
   * What is known of the person each object is about: the hub protects their identity from this
   * caller, or not, or nobody said (no Person representation above it). Absent: unknown.
   */
  protection: WeakMap<object, ProtectionState>;
  audit: AuditHandoff;
  /** The gateway's token, handed back to the hub with the audit hand-off. */
  token: string;
}

export function createLoaders(): SubgraphContext["loader"] {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return <K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>) => {
    let l = loaders.get(name) as DataLoader<K, V> | undefined;
    if (!l) loaders.set(name, (l = new DataLoader<K, V>(batch) as DataLoader<K, V>) as DataLoader<unknown, unknown>);
    return l;
  };
}
