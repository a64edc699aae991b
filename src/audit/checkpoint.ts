// The head checkpoint: the log's last (seq, hash), signed with the hub's Ed25519 key and kept in a
// file outside the database. Dropping entries from the end of the chain leaves a valid, shorter
// chain; only a head recorded elsewhere reveals it. The file is a JWS (compact serialisation), so
// any JOSE library can check it with the hub's public key.
import fs from "node:fs";
import path from "node:path";
import * as jose from "jose";
import type { HubKey } from "../auth/hub-key";

/** JWS `typ` of a checkpoint, so no other token signed with the hub key passes for one. */
export const CHECKPOINT_TYP = "tppo-audit-head+jws";

export interface Checkpoint {
  /** The head entry's seq (decimal string) and hash. */
  seq: string;
  hash: string;
  /** When the checkpoint was signed (ISO 8601 UTC). */
  signedAt: string;
}

export class CheckpointError extends Error {
  override name = "CheckpointError";
}

export async function signCheckpoint(key: HubKey, head: { seq: string; hash: string }, now = new Date()): Promise<string> {
  const payload: Checkpoint & { v: 1 } = { v: 1, seq: head.seq, hash: head.hash, signedAt: now.toISOString() };
  return new jose.CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: "EdDSA", kid: key.kid, typ: CHECKPOINT_TYP })
    .sign(key.privateKey);
}

/** Verifies a checkpoint's signature and shape; throws CheckpointError saying what is wrong. */
export async function verifyCheckpoint(jws: string, key: HubKey): Promise<Checkpoint> {
  let payload: Uint8Array;
  try {
    const publicKey = await jose.importJWK({ kty: key.publicJwk.kty, crv: key.publicJwk.crv, x: key.publicJwk.x }, "EdDSA");
    const r = await jose.compactVerify(jws.trim(), publicKey, { algorithms: ["EdDSA"] });
    if (r.protectedHeader.typ !== CHECKPOINT_TYP) throw new CheckpointError(`not an audit checkpoint (typ ${r.protectedHeader.typ ?? "missing"})`);
    payload = r.payload;
  } catch (err) {
    if (err instanceof CheckpointError) throw err;
    throw new CheckpointError("its signature does not verify with the hub's key (forged, edited, or signed by another key)");
  }
  const p = JSON.parse(new TextDecoder().decode(payload)) as Partial<Checkpoint & { v: number }>;
  if (p.v !== 1 || typeof p.seq !== "string" || !/^\d+$/.test(p.seq) || typeof p.hash !== "string" || !/^[0-9a-f]{64}$/.test(p.hash) || typeof p.signedAt !== "string") {
    throw new CheckpointError("its contents are not a version 1 checkpoint");
  }
  return { seq: p.seq, hash: p.hash, signedAt: p.signedAt };
}

/** The checkpoint file's contents, or null when there is none. */
export function readCheckpointFile(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

/**
 * Replaces the file atomically and durably: write aside, fsync, rename over, fsync the directory.
 * A crash leaves the old checkpoint or the new one, never a torn file.
 */
export function writeCheckpointFile(file: string, jws: string): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, "w", 0o644);
  try {
    fs.writeSync(fd, `${jws}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  try {
    const dfd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  }
}
