// The subgraph's client for BP3MI's REST service. Failures name the service and what it said;
// the subgraph maps them to the hub's error codes.
import type { P3mi, Penempatan, PlacementSearch } from "./register";

export class Bp3miServiceError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface Bp3miClientOptions {
  /** Base URL of the REST service, e.g. http://127.0.0.1:4011 */
  url: string;
  apiKey?: string;
  /** @default 5000 */
  timeoutMs?: number;
}

export class Bp3miClient {
  constructor(private readonly opts: Bp3miClientOptions) {}

  private async post<T>(path: string, body: unknown): Promise<T[]> {
    let res: Response;
    try {
      res = await fetch(`${this.opts.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(this.opts.apiKey ? { "x-api-key": this.opts.apiKey } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
      });
    } catch (e) {
      throw new Bp3miServiceError(`BP3MI register unreachable at ${this.opts.url}: ${(e as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) throw new Bp3miServiceError(`BP3MI register answered ${res.status} to ${path}: ${text.slice(0, 200)}`, res.status);
    return (JSON.parse(text) as { data: T[] }).data;
  }

  /** Resolves when the service answers its health check. */
  async health(): Promise<void> {
    let res: Response;
    try {
      res = await fetch(`${this.opts.url}/healthz`, { signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000) });
    } catch (e) {
      throw new Bp3miServiceError(`BP3MI register unreachable at ${this.opts.url}: ${(e as Error).message}`);
    }
    await res.body?.cancel();
    if (!res.ok) throw new Bp3miServiceError(`BP3MI register health check answered ${res.status}`, res.status);
  }

  placements(q: PlacementSearch): Promise<Penempatan[]> {
    return this.post<Penempatan>("/api/v1/penempatan/cari", q);
  }

  licences(numbers: readonly string[]): Promise<P3mi[]> {
    return this.post<P3mi>("/api/v1/p3mi/cari", { nomor_sip3mi: numbers });
  }
}
