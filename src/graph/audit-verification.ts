// Verification of the audit log of the RUNNING hub, for auditors: the same check as
// `tppo-hub audit verify` (hash chain plus the signed head checkpoint kept outside the database),
// without stopping the hub or opening its data directory.
import type { LogVerification } from "../audit/verification";
import { verifyAuditLog } from "../audit/verification";
import { auditSealer } from "../audit/sealer";
import { builder } from "./builder";
import type { RequestContext } from "../request/context";

interface Result extends LogVerification {
  checkedAt: Date;
}

const AuditHeadType = builder.objectRef<{ seq: string; hash: string }>("AuditHead").implement({
  description: "An entry of the audit log named by its seq and hash.",
  fields: (t) => ({
    seq: t.exposeString("seq", { nullable: false, description: "The entry's seq (a 64-bit integer as a decimal string)." }),
    hash: t.exposeString("hash", { nullable: false, description: "The entry's hash (sha256, hex)." }),
  }),
});

const AuditCheckpointType = builder.objectRef<{ seq: string; hash: string; signedAt: string }>("AuditCheckpoint").implement({
  description: "The signed head checkpoint the hub keeps outside its database (AUDIT_CHECKPOINT_FILE, docs/audit.md).",
  fields: (t) => ({
    seq: t.exposeString("seq", { nullable: false, description: "seq of the head entry when the checkpoint was signed." }),
    hash: t.exposeString("hash", { nullable: false, description: "hash of that entry." }),
    signedAt: t.field({ type: "DateTime", nullable: false, description: "When the hub signed the checkpoint.", resolve: (c) => new Date(c.signedAt) }),
  }),
});

const AuditVerificationType = builder.objectRef<Result>("AuditVerification").implement({
  description: "Outcome of verifying the whole audit log: its hash chain, and its end against the signed head checkpoint.",
  fields: (t) => ({
    ok: t.exposeBoolean("ok", { nullable: false, description: "True when no entry was edited, deleted, reordered or removed from the end." }),
    entries: t.int({ nullable: false, description: "Entries verified (all of them when ok).", resolve: (r) => r.entries }),
    head: t.field({ type: AuditHeadType, nullable: true, description: "The last entry verified; null for an empty log.", resolve: (r) => r.head }),
    checkpoint: t.field({
      type: AuditCheckpointType,
      nullable: true,
      description: "The head checkpoint the log was checked against; null when the hub keeps none or it is missing or invalid (then `problem` says so).",
      resolve: (r) => r.checkpoint,
    }),
    problem: t.exposeString("problem", { nullable: true, description: "What is wrong, in one line (the entry and the reason); null when ok." }),
    checkedAt: t.field({ type: "DateTime", nullable: false, description: "When the verification ran.", resolve: (r) => r.checkedAt }),
  }),
});

// One verification at a time per database: each walks the whole log. Callers arriving meanwhile share it.
const running = new WeakMap<object, Promise<Result>>();

async function verify(ctx: RequestContext): Promise<Result> {
  // Seal what is committed and waiting first, so the whole committed log is verified.
  await auditSealer(ctx.db).sync();
  const cp = ctx.auditCheckpointer;
  // Bring the checkpoint up to the committed head first (it never overwrites one the log no
  // longer matches), so a fresh append is not mistaken for a missing checkpoint.
  if (cp) await cp.flush();
  const r = await verifyAuditLog(ctx.db.prisma, { checkpointFile: cp?.file ?? null, key: cp?.key ?? null });
  return { ...r, checkedAt: new Date() };
}

builder.queryField("auditVerification", (t) =>
  t.field({
    type: AuditVerificationType,
    nullable: false,
    description:
      "Verifies the whole audit log of this running hub now, as `tppo-hub audit verify` does: every entry's hash and link, and the end of the log against the signed head checkpoint kept outside the database, which reveals entries removed from the end. Walks the whole log: one verification runs at a time.",
    resolve: (_root, _args, ctx) => {
      let p = running.get(ctx.db);
      if (!p) {
        p = verify(ctx).finally(() => running.delete(ctx.db));
        running.set(ctx.db, p);
      }
      return p;
    },
  }),
);
