// The whole check an auditor runs: the hash chain (src/audit/verify.ts) plus the signed head
// checkpoint kept outside the database (src/audit/checkpoint.ts), which is what reveals entries
// removed from the end. Used by `tppo-hub audit verify` and by the `auditVerification` query.
import type { HubKey } from "../auth/hub-key";
import { readCheckpointFile, verifyCheckpoint, type Checkpoint } from "./checkpoint";
import { verifyAuditChain, type ExpectedHead, type VerifyResult } from "./verify";

export interface LogVerification extends VerifyResult {
  /** The checkpoint checked against the log; null when none was checked. */
  checkpoint: Checkpoint | null;
  /** One line saying what is wrong (null when ok), the same the CLI prints. */
  problem: string | null;
}

export interface LogVerificationOptions {
  /** Checkpoint file to check the log against; null: the chain alone (says so in `problem` if entries exist). */
  checkpointFile: string | null;
  /** The hub's key, to check the checkpoint's signature. */
  key: HubKey | null;
  /** Heads recorded by other means (`--expect-head`). */
  expectHeads?: readonly ExpectedHead[];
}

export async function verifyAuditLog(source: Parameters<typeof verifyAuditChain>[0], opts: LogVerificationOptions): Promise<LogVerification> {
  let checkpoint: Checkpoint | null = null;
  let checkpointProblem: string | null = null;
  if (opts.checkpointFile !== null) {
    const jws = readCheckpointFile(opts.checkpointFile);
    if (jws === null) checkpointProblem = `there is no head checkpoint at ${opts.checkpointFile}`;
    else if (!opts.key) checkpointProblem = `the head checkpoint at ${opts.checkpointFile} cannot be checked without the hub's signing key`;
    else {
      try {
        checkpoint = await verifyCheckpoint(jws, opts.key);
      } catch (err) {
        checkpointProblem = `the head checkpoint at ${opts.checkpointFile} is not valid: ${(err as Error).message}`;
      }
    }
  }
  const heads = [...(checkpoint ? [{ seq: BigInt(checkpoint.seq), hash: checkpoint.hash }] : []), ...(opts.expectHeads ?? [])];
  const r = await verifyAuditChain(source, { expectHead: heads });
  if (!r.ok) {
    const b = r.firstBroken!;
    return { ...r, checkpoint, problem: `audit log broken at entry ${b.seq}: ${b.reason} (${r.entries} entries verified before it)` };
  }
  if (checkpointProblem && r.entries > 0) {
    return { ...r, ok: false, checkpoint, problem: `${checkpointProblem}: whether entries were removed from the end of the log (${r.entries} entries) cannot be checked` };
  }
  return { ...r, checkpoint, problem: null };
}
