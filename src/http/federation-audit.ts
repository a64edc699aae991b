// POST /federation/audit: subgraphs built with the adapter kit (src/federation/) hand the hub what
// they released, so every sensitive read through a subgraph is on the hub's one audit log, naming
// the subgraph. Authenticated with the gateway's principal token the subgraph received: its `aud`
// names the subgraph (any subgraph the policy registers), its claims name the caller. The entries
// are sealed into the chain before the answer, so a 200 means "on record" (the kit withholds the
// values otherwise: fail closed).
import type { FastifyInstance, FastifyRequest } from "fastify";
import * as jose from "jose";
import { z } from "zod";
import type { AuditCheckpointer } from "../audit/checkpointer";
import { auditSealer } from "../audit/sealer";
import { AuditTrail } from "../audit/trail";
import { AuthError } from "../auth/authenticator";
import type { Principal } from "../auth/principal";
import { verifyToken } from "../auth/verify-token";
import type { Database } from "../db/database";
import { isDatabaseUnavailable } from "../db/unavailable";
import { ErrorCodes } from "../errors";
import { gatewayIssuer } from "../federation/principal-token";
import { POLICY } from "../policy/rules";
import type { Policy } from "../policy/types";
import { sendError } from "./refusals";

/** Keep in step with MAX_HANDOFF_ENTRIES in src/federation/audit-handoff.ts. */
const MAX_ENTRIES = 5000;
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

const bodySchema = z
  .object({
    operationName: z.string().max(200).nullable().optional(),
    entries: z
      .array(
        z
          .object({
            action: z.enum(["READ", "DENIED"]),
            recordType: z.string().regex(NAME, "must be a GraphQL type name"),
            recordId: z.string().max(200),
            fields: z.array(z.string().regex(NAME, "must be a GraphQL field name")).min(1).max(200),
            decision: z.enum(["ALLOW", "MASK", "DENY"]),
          })
          .strict()
          .refine((e) => (e.action === "DENIED") === (e.decision === "DENY"), { message: "READ takes ALLOW or MASK, DENIED takes DENY", path: ["decision"] }),
      )
      .min(1)
      .max(MAX_ENTRIES),
  })
  .strict();

export interface FederationAuditOptions {
  db: Database;
  /** The gateway's public keys (GATEWAY_JWKS); absent: the hub trusts no gateway and refuses every hand-off. */
  gatewayKeys?: jose.JSONWebKeySet | jose.JWTVerifyGetKey;
  policy?: Policy;
  auditCheckpointer?: AuditCheckpointer;
}

/** The subgraphs the policy registers (every section but the hub's own). */
const subgraphNames = (policy: Policy) => Object.keys(policy.subgraphs).filter((n) => n !== "hub");

export function federationAuditRoute(app: FastifyInstance, o: FederationAuditOptions): void {
  const policy = o.policy ?? POLICY;
  const names = subgraphNames(policy);
  const issuer = o.gatewayKeys && names.length ? gatewayIssuer(o.gatewayKeys, names[0]!) : undefined;
  if (issuer) issuer.audience = names;
  const callers = new WeakMap<FastifyRequest, { principal: Principal; subgraph: string; requestId?: string }>();

  app.route({
    method: "POST",
    url: "/federation/audit",
    // Before the body is read, like /graphql.
    onRequest: async (request, reply) => {
      try {
        if (!issuer) throw new AuthError("This hub trusts no gateway (set GATEWAY_JWKS): audit hand-offs are refused");
        const m = /^Bearer ([A-Za-z0-9_\-.]+)$/i.exec(request.headers.authorization ?? "");
        if (!m) throw new AuthError("Missing Authorization header (expected: Bearer <gateway principal token>)");
        const principal = await verifyToken(m[1]!, [issuer]);
        const { aud, jti } = jose.decodeJwt(m[1]!);
        if (typeof aud !== "string" || !names.includes(aud)) throw new AuthError('Token claim "aud" must name one registered subgraph');
        callers.set(request, { principal, subgraph: aud, requestId: typeof jti === "string" ? jti : undefined });
      } catch (err) {
        if (!(err instanceof AuthError)) throw err;
        return sendError(reply, 401, "UNAUTHENTICATED", err.message, { "www-authenticate": 'Bearer realm="tppo-hub"' });
      }
    },
    handler: async (request, reply) => {
      const { principal, subgraph, requestId } = callers.get(request)!;
      const parsed = bodySchema.safeParse(request.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return sendError(reply, 400, "BAD_USER_INPUT", `${issue.path.join(".") || "body"}: ${issue.message}`);
      }
      const section = policy.subgraphs[subgraph]!;
      const body = parsed.data;
      // Only what the subgraph's own section decides: a subgraph records its own fields, never the hub's.
      for (const [i, e] of body.entries.entries()) {
        const tp = section.types[e.recordType];
        if (!tp) return sendError(reply, 400, "BAD_USER_INPUT", `entries.${i}.recordType: ${e.recordType} is not a type of subgraph ${subgraph}`);
        const covered = (f: string) => tp.fields?.[f] !== undefined || (tp.default !== undefined && !policy.types[e.recordType]);
        const j = e.fields.findIndex((f) => !covered(f));
        if (j >= 0) return sendError(reply, 400, "BAD_USER_INPUT", `entries.${i}.fields.${j}: ${e.recordType}.${e.fields[j]} is not a field of subgraph ${subgraph}`);
      }
      const trail = new AuditTrail(
        o.db.prisma,
        { requestId: requestId ?? request.id, agency: principal.agency, roles: principal.roles, purpose: principal.purpose },
        auditSealer(o.db),
      );
      // The subgraph is named on every entry: "subgraph <name>", then the gateway's operation name.
      trail.operationName = `subgraph ${subgraph}${body.operationName ? `: ${body.operationName}` : ""}`;
      for (const e of body.entries) {
        if (e.action === "READ") trail.read(e.recordType, e.recordId, e.fields, e.decision);
        else trail.denied(e.recordType, e.recordId, e.fields, e.decision);
      }
      try {
        const recorded = await trail.flush();
        o.auditCheckpointer?.poke();
        return reply.code(200).send({ recorded, subgraph });
      } catch (err) {
        request.log.error({ err, subgraph }, "federation audit hand-off failed");
        const code = isDatabaseUnavailable(err) ? "SERVICE_UNAVAILABLE" : "INTERNAL";
        return sendError(reply, ErrorCodes[code].http, code, ErrorCodes[code].message);
      }
    },
  });
}
