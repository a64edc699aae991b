// GET /readyz of the gateway: the state of each registered subgraph, probed at its own /readyz
// (the hub and every kit subgraph answer it without a token) within its registry timeout. The
// gateway stays ready while any subgraph is down: it answers with partial data naming the missing
// subgraph, so a load balancer must not take it out; `degraded` lists who is missing.
import type { SubgraphEntry } from "./registry";

export interface SubgraphState {
  agency: string;
  state: "up" | "down";
  /** Why it is down: HTTP status, timeout or connection error. */
  reason?: string;
  ms: number;
}

export interface GatewayReadiness {
  status: "ready" | "degraded";
  ready: true;
  degraded: string[];
  subgraphs: Record<string, SubgraphState>;
}

const PROBE_LIMIT_MS = 2000;

async function probe(s: SubgraphEntry): Promise<SubgraphState> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(new URL("/readyz", s.url), { signal: AbortSignal.timeout(Math.min(s.timeoutMs, PROBE_LIMIT_MS)) });
    await res.body?.cancel();
    return res.ok ? { agency: s.agency, state: "up", ms: ms() } : { agency: s.agency, state: "down", reason: `readyz answered HTTP ${res.status}`, ms: ms() };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const reason = e.name === "TimeoutError" ? `no answer within ${Math.min(s.timeoutMs, PROBE_LIMIT_MS)} ms` : (e.cause?.code ?? e.message);
    return { agency: s.agency, state: "down", reason, ms: ms() };
  }
}

export async function gatewayReadiness(registry: readonly SubgraphEntry[]): Promise<GatewayReadiness> {
  const states = await Promise.all(registry.map(probe));
  const subgraphs = Object.fromEntries(registry.map((s, i) => [s.name, states[i]!]));
  const degraded = registry.filter((_, i) => states[i]!.state === "down").map((s) => s.name);
  return { status: degraded.length ? "degraded" : "ready", ready: true, degraded, subgraphs };
}
