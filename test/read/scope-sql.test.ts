// The compiled read path translates the policy's own row scopes (Prisma where fragments) into SQL
// (src/read/where-sql.ts). This holds the translation to Prisma's meaning: for every role, every
// row-scoped type, its link scope and its protected searches, the compiled statement finds exactly
// the rows Prisma finds, on the access-rules dataset, on both databases.
import { Access } from "../../src/policy/access";
import { ROLES } from "../../src/policy/roles";
import { readMany } from "../../src/read/reader";
import { createLogger } from "../../src/logger";
import type { RequestContext } from "../../src/request/context";
import { insertPolicyFixture, PERSONAS } from "../policy/fixture";
import { RESOLVED } from "../policy/support";
import { backends, startTestHub, type TestHub } from "../support/hub";

type Row = Record<string, unknown>;
const delegateOf = (t: string) => t[0]!.toLowerCase() + t.slice(1);

/** Identity fields whose searches are narrowed by protections, by type. */
const SEARCHED = [...RESOLVED.coordinates].filter(([, c]) => c.sensitivity === "identity").map(([k]) => k.split(".") as [string, string]);

describe.each(backends)("read: row scopes in SQL match Prisma (%s)", (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    await insertPolicyFixture(hub.db.prisma);
  });
  afterAll(() => hub?.stop());

  const contextFor = (role: (typeof ROLES)[number]) => {
    const p = PERSONAS[role];
    const principal = { agency: p.agency, subject: "t", roles: [role], purpose: p.purpose, jurisdiction: p.jurisdiction, issuer: "test" };
    const access = new Access(principal, RESOLVED, hub.db);
    return { db: hub.db, access, log: createLogger("silent") } as unknown as RequestContext;
  };

  async function same(ctx: RequestContext, type: string, where: Row) {
    const key = "id";
    const prisma = (hub.db.prisma as unknown as Record<string, { findMany(a: unknown): Promise<Row[]> }>)[delegateOf(type)]!;
    const expected = (await prisma.findMany({ where, select: { [key]: true } })).map((r) => String(r[key])).sort();
    const before = hub.db.queryCount;
    const got = (await readMany(ctx, type, { where, select: { [key]: true } })).map((r) => String(r[key])).sort();
    expect(hub.db.queryCount - before).toBe(1); // compiled, not fallen back to Prisma
    expect(got).toEqual(expected);
    return expected.length;
  }

  it.each(ROLES)("%s: every row scope and link scope", async (role) => {
    const ctx = contextFor(role);
    let seen = 0;
    // AuditEntry is read through the audit log's own resolvers, never this path.
    for (const type of [...RESOLVED.rows.keys()].filter((t) => t !== "AuditEntry")) {
      seen += await same(ctx, type, ctx.access.rowWhere(type));
      await same(ctx, type, ctx.access.linkWhere(type));
    }
    // The dataset gives most roles something to see: a translation that matched nothing would
    // agree with Prisma only on empty sets.
    if (!["ngo-analyst", "task-force-analyst", "auditor"].includes(role)) expect(seen).toBeGreaterThan(0);
  });

  it.each(ROLES)("%s: searches under protections", async (role) => {
    const ctx = contextFor(role);
    for (const [type, field] of SEARCHED) {
      if (!RESOLVED.rows.has(type) && !["Person", "IdentityDocument", "PersonStatement"].includes(type)) continue;
      const where = ctx.access.searchWhere(type, field);
      if (Object.keys(where).length) await same(ctx, type, where);
    }
  });
});
