// Sensitive reads leave audit entries (security property 12): who (agency, roles, purpose), which
// records and which fields, how they were released (ALLOW or MASK), never the values. A denied
// field is not recorded as a read. The entries are part of the hash chain: editing one is caught.
import { verifyAuditChain } from "../../src/audit/verify";
import { ROLES } from "../../src/policy/roles";
import { backends } from "../support/hub";
import { DEWI, SECRET_STRINGS, SITI } from "./fixture";
import { PolicyHub, persona, type Principal } from "./support";

describe.each(backends)("audit of sensitive reads on %s", (backend) => {
  let ph: PolicyHub;
  let seq = 0;
  beforeAll(async () => {
    ph = await PolicyHub.start(backend);
  });
  afterAll(async () => {
    await ph?.stop();
  });

  /** Sends the operation with a fresh request id and returns the entries appended for it. */
  async function read(p: Principal, query: string, variables: Record<string, unknown> = {}) {
    const requestId = `policy-audit-${backend}-${++seq}-${Date.now()}`;
    const ex = await ph.post(p, query, variables, { "x-request-id": requestId });
    expect(ex.status).toBe(200);
    const entries = await ph.prisma.auditEntry.findMany({ where: { requestId }, orderBy: { seq: "asc" } });
    return { ex, entries };
  }
  const stringify = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  const reads = (entries: { action: string; recordType: string | null; decision: string | null; fields: string[]; recordIds: string[] }[]) =>
    entries.filter((e) => e.action === "READ").map((e) => ({ recordType: e.recordType, decision: e.decision, fields: [...e.fields].sort(), recordIds: [...e.recordIds].sort() }));

  it("an identity read is recorded with agency, roles, purpose, record ids and field names, never values", async () => {
    const { ex, entries } = await read(
      persona("police-investigator"),
      `query Investigate($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id fullName phone sex documents { id number } participations { id role } } } }`,
      { r: [{ __typename: "Person", id: ph.fx.siti }] },
    );
    expect(ex.text).toContain(SITI.fullName); // the read did release the values
    const docIds = (await ph.prisma.identityDocument.findMany({ where: { personId: ph.fx.siti }, select: { id: true } })).map((d) => d.id).sort();
    expect(reads(entries)).toEqual(
      expect.arrayContaining([
        { recordType: "Person", decision: "ALLOW", fields: ["fullName", "phone"], recordIds: [ph.fx.siti] },
        { recordType: "IdentityDocument", decision: "ALLOW", fields: ["number"], recordIds: docIds },
      ]),
    );
    // Special-category fields are recorded too: victims' needs, read by the social worker serving her.
    const sw = await read(persona("social-worker"), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { participations { id needs } } } }`, {
      r: [{ __typename: "Person", id: ph.fx.siti }],
    });
    expect(reads(sw.entries)).toEqual(expect.arrayContaining([{ recordType: "CaseParticipant", decision: "ALLOW", fields: ["needs"], recordIds: [ph.fx.sitiVictim] }]));
    for (const e of entries) {
      expect(e).toMatchObject({ agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation", operationName: "Investigate" });
      // Non-sensitive fields (sex, role, ids) are not read entries.
      expect(e.fields).not.toContain("sex");
    }
    const text = stringify(entries);
    expect(SECRET_STRINGS.filter((s) => text.includes(s))).toEqual([]);
    expect(text).not.toContain(SITI.birthDate);
  });

  it("a masked read is recorded as MASK", async () => {
    const nc = await read(persona("ngo-case-worker"), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { documents { id number } } } }`, {
      r: [{ __typename: "Person", id: ph.fx.siti }],
    });
    expect(nc.ex.text).toContain("610321********01");
    expect(reads(nc.entries)).toEqual([expect.objectContaining({ recordType: "IdentityDocument", decision: "MASK", fields: ["number"] })]);
    // Masked by a protection (child victim) rather than by the grant: MASK as well.
    const bp = await read(persona("bp3mi-officer"), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { fullName } } }`, {
      r: [{ __typename: "Person", id: ph.fx.dewi }],
    });
    expect(reads(bp.entries)).toEqual([{ recordType: "Person", decision: "MASK", fields: ["fullName"], recordIds: [ph.fx.dewi] }]);
    expect(stringify([...nc.entries, ...bp.entries])).not.toContain(DEWI.fullName);
  });

  it("a denied field is not recorded as a read", async () => {
    const admin = await read(persona("admin"), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id fullName birthDate phone } } }`, {
      r: [{ __typename: "Person", id: ph.fx.siti }],
    });
    expect(admin.ex.body.errors?.map((e) => e.message).sort()).toEqual(["Not permitted: Person.birthDate", "Not permitted: Person.fullName", "Not permitted: Person.phone"]);
    expect(reads(admin.entries)).toEqual([]);
    // Mixed: outside investigation the name is released masked, the phone is refused.
    const pi = await read(persona("police-investigator", "statistics"), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { fullName phone } } }`, {
      r: [{ __typename: "Person", id: ph.fx.siti }],
    });
    expect(reads(pi.entries)).toEqual([{ recordType: "Person", decision: "MASK", fields: ["fullName"], recordIds: [ph.fx.siti] }]);
  });

  it("identity values carried in a conflict are recorded like the field itself", async () => {
    const q = `query($id: ID!) { person(id: $id) { conflicts { field values { value } } } }`;
    const pi = await read(persona("police-investigator"), q, { id: ph.fx.dewi });
    expect(reads(pi.entries)).toEqual([{ recordType: "Person", decision: "ALLOW", fields: ["birthDate", "fullName"], recordIds: [ph.fx.dewi] }]);
    const bp = await read(persona("bp3mi-officer"), q, { id: ph.fx.dewi });
    expect(reads(bp.entries)).toEqual([{ recordType: "Person", decision: "MASK", fields: ["birthDate", "fullName"], recordIds: [ph.fx.dewi] }]);
  });

  it("only the auditor reads the audit log, and it sees the entries (not nulls)", async () => {
    for (const role of ROLES) {
      const ex = await ph.post(persona(role), `{ auditLog(first: 3) { totalCount edges { node { seq action recordType fields } } } }`);
      if (role === "auditor") {
        expect(ex.body.errors).toBeUndefined();
        expect(ex.body.data.auditLog.totalCount).toBeGreaterThan(3);
        expect(ex.body.data.auditLog.edges).toHaveLength(3);
        for (const e of ex.body.data.auditLog.edges) expect(e.node).toEqual({ seq: expect.stringMatching(/^\d+$/), action: expect.any(String), recordType: expect.anything(), fields: expect.any(Array) });
      } else {
        expect({ role, errors: ex.body.errors?.map((e) => e.message) }).toEqual({ role, errors: ["Not permitted: Query.auditLog"] });
      }
    }
  });

  it("the read entries are in the hash chain: editing one is detected", async () => {
    expect((await verifyAuditChain(ph.prisma)).ok).toBe(true);
    const target = await ph.prisma.auditEntry.findFirstOrThrow({ where: { action: "READ", recordType: "Person", fields: { has: "phone" } }, orderBy: { seq: "asc" } });
    // What an intruder with owner rights could do: switch the append-only triggers off and hide
    // that the phone number was read.
    await ph.hub.db.raw.exec(
      `ALTER TABLE "AuditEntry" DISABLE TRIGGER USER; UPDATE "AuditEntry" SET fields = array_remove(fields, 'phone') WHERE seq = ${target.seq}; ALTER TABLE "AuditEntry" ENABLE TRIGGER USER`,
    );
    const result = await verifyAuditChain(ph.prisma);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBe(target.seq.toString());
  });

  it("no error message in this file's responses contains a secret value", () => {
    expect(ph.leakingErrorMessages()).toEqual([]);
  });
});
