// Hands what a subgraph released to the hub's audit log (POST /federation/audit on the hub), with
// the gateway's token for this call: its `aud` names the subgraph, so the hub records which
// subgraph released what to whom. Fail closed: if the hub does not take the entries, the
// sensitive values are withheld from the answer (./subgraph.ts), like the hub's own audit.

/** One record's audited fields, as sent to the hub (never values). */
export interface AuditHandoffEntry {
  action: "READ" | "DENIED";
  recordType: string;
  recordId: string;
  fields: string[];
  /** ALLOW | MASK for reads, DENY for refusals. */
  decision: "ALLOW" | "MASK" | "DENY";
}

/** The body of POST /federation/audit. */
export interface AuditHandoffBody {
  operationName: string | null;
  entries: AuditHandoffEntry[];
}

/** Most entries one hand-off carries; the hub refuses more (keep in step with src/http/federation-audit.ts). */
export const MAX_HANDOFF_ENTRIES = 5000;

export class AuditHandoff {
  private readonly byRecord = new Map<string, AuditHandoffEntry>();
  /** Response paths of released sensitive values: withheld if the hub does not take the entries. */
  readonly releasedPaths: (string | number)[][] = [];

  read(recordType: string, recordId: string, field: string, decision: "ALLOW" | "MASK", path: (string | number)[]): void {
    this.add("READ", recordType, recordId, field, decision);
    this.releasedPaths.push(path);
  }

  denied(recordType: string, recordId: string, field: string): void {
    this.add("DENIED", recordType, recordId, field, "DENY");
  }

  get entries(): AuditHandoffEntry[] {
    return [...this.byRecord.values()];
  }

  get hasReads(): boolean {
    return this.releasedPaths.length > 0;
  }

  private add(action: AuditHandoffEntry["action"], recordType: string, recordId: string, field: string, decision: AuditHandoffEntry["decision"]): void {
    const key = `${action}\u0001${recordType}\u0001${recordId}\u0001${decision}`;
    const e = this.byRecord.get(key);
    if (e) {
      if (!e.fields.includes(field)) e.fields.push(field);
    } else this.byRecord.set(key, { action, recordType, recordId, fields: [field], decision });
  }
}

/**
 * POSTs the entries to the hub and resolves when the hub has them on its audit log; rejects with
 * an Error naming the cause otherwise (unreachable, timeout, refused).
 */
export async function sendAuditHandoff(url: string, token: string, body: AuditHandoffBody, timeoutMs: number): Promise<void> {
  if (body.entries.length > MAX_HANDOFF_ENTRIES) throw new Error(`more than ${MAX_HANDOFF_ENTRIES} audited records in one answer`);
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const timedOut = (err as Error).name === "TimeoutError";
    throw new Error(timedOut ? `the hub's audit endpoint did not answer within ${timeoutMs} ms` : "the hub's audit endpoint is unreachable");
  }
  if (!res.ok) {
    let detail = "";
    try {
      detail = ((await res.json()) as { errors?: { message?: string }[] }).errors?.[0]?.message ?? "";
    } catch {
      // not the hub's JSON error shape
    }
    throw new Error(`the hub refused the audit hand-off (HTTP ${res.status}${detail ? `: ${detail}` : ""})`);
  }
  await res.arrayBuffer();
}
