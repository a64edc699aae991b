// Bad input is the caller's error (issue 8, class 8): each mistake a client can make comes back as
// a client error with Apollo's standard code, the place it was made and the right HTTP status,
// never as INTERNAL "retry later", and nothing of it is stored.
import crypto from "node:crypto";
import { rowCounts } from "../contribute/support";
import { backends, startTestHub, type TestHub } from "../support/hub";

const PERSON = `mutation($input: PersonInput!) { contributePerson(input: $input) { result { status errors { path code message } } } }`;

describe.each(backends)("bad input on %s", (backend) => {
  let hub: TestHub;
  let token: string;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    token = await hub.token();
  });
  afterAll(() => hub.stop());

  /** POST of raw bytes, for bodies JSON.stringify cannot produce. */
  async function post(body: string | Buffer, headers: Record<string, string> = {}) {
    const res = await fetch(hub.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers }, body: typeof body === "string" ? body : new Uint8Array(body) });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as { data?: any; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> } };
  }

  describe("strings that cannot be stored", () => {
    it.each([
      ["a NUL character", "Siti\u0000Aminah", /NUL character/],
      ["an unpaired high surrogate", "Siti\ud800", /unpaired UTF-16 surrogate/],
      ["an unpaired low surrogate", "\udc00Siti", /unpaired UTF-16 surrogate/],
    ])("%s in a contributed field is BAD_USER_INPUT (400) naming the field, and nothing is written", async (_what, fullName, message) => {
      const before = await rowCounts(hub);
      const r = await hub.gql(PERSON, { input: { externalId: `nul-${crypto.randomUUID()}`, sourceSystem: "TEST", fullName } });
      expect(r.status).toBe(400);
      expect(r.body.data).toBeUndefined();
      expect(r.body.errors).toEqual([{ message: expect.stringMatching(message), extensions: { code: "BAD_USER_INPUT", argumentPath: "$input.fullName" } }]);
      expect(await rowCounts(hub)).toEqual(before);
    });

    it("names the nested path inside a batch, and the batch writes nothing", async () => {
      const before = await rowCounts(hub);
      const r = await hub.gql(`mutation($records: [ContributionInput!]!) { contribute(records: $records) { status } }`, {
        records: [
          { person: { externalId: `ok-${crypto.randomUUID()}`, sourceSystem: "TEST", fullName: "Dewi" } },
          { person: { externalId: `bad-${crypto.randomUUID()}`, sourceSystem: "TEST", documents: [{ type: "PASSPORT", number: "C12\u000034567" }] } },
        ],
      });
      expect(r.status).toBe(400);
      expect(r.body.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", argumentPath: "$records[1].person.documents[0].number" });
      expect(await rowCounts(hub)).toEqual(before);
    });

    it("a NUL in a search argument, as a variable or a literal, is BAD_USER_INPUT (400), not a database error", async () => {
      const asVariable = await hub.gql(`query($n: String) { persons(filter: { nameContains: $n }) { totalCount } }`, { n: "Siti\u0000" });
      expect(asVariable.status).toBe(400);
      expect(asVariable.body.errors).toEqual([{ message: expect.stringMatching(/^\$n contains a NUL/), extensions: { code: "BAD_USER_INPUT", argumentPath: "$n" } }]);
      const asLiteral = await hub.gql(`{ persons(filter: { nameContains: "Siti\\u0000" }) { totalCount } }`);
      expect(asLiteral.status).toBe(400);
      expect(asLiteral.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/line 1, column \d+ contains a NUL/), extensions: { code: "BAD_USER_INPUT" } });
    });

    it("text outside the Basic Multilingual Plane and combining marks are stored exactly (control)", async () => {
      const fullName = "Siti Aminah 🙂 Ñ a\u0301";
      const r = await hub.gql(PERSON, { input: { externalId: `ok-${crypto.randomUUID()}`, sourceSystem: "TEST", fullName } });
      expect(r.body.data.contributePerson.result).toEqual({ status: "CREATED", errors: [] });
      expect(await hub.db.prisma.personStatement.count({ where: { fullName } })).toBe(1);
    });
  });

  it.each([["0000-01-01"], ["1899-12-31"], ["+275760-09-13"]])("a date the database cannot hold (%s) is BAD_USER_INPUT (400), in a search and in a record", async (date) => {
    const search = await hub.gql(`query($d: Date) { persons(filter: { birthDateFrom: $d }) { totalCount } }`, { d: date });
    expect(search.status).toBe(400);
    expect(search.body.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT" });
    const before = await rowCounts(hub);
    const write = await hub.gql(PERSON, { input: { externalId: `date-${crypto.randomUUID()}`, sourceSystem: "TEST", fullName: "Dewi", birthDate: date } });
    expect(write.status).toBe(400);
    expect(write.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('at "input.birthDate"'), extensions: { code: "BAD_USER_INPUT" } });
    expect(await rowCounts(hub)).toEqual(before);
  });

  describe("request bodies", () => {
    it("a body that is not valid UTF-8 is refused with 400 BAD_REQUEST and nothing is stored (not U+FFFD)", async () => {
      const externalId = `utf8-${crypto.randomUUID()}`;
      const json = JSON.stringify({ query: PERSON, variables: { input: { externalId, sourceSystem: "TEST", fullName: "SITI" } } });
      const [head, tail] = json.split("SITI") as [string, string];
      for (const bytes of [[0xff], [0xc3], [0xed, 0xa0, 0x80] /* a surrogate encoded as UTF-8 */, [0xc0, 0xaf] /* overlong "/" */]) {
        const r = await post(Buffer.concat([Buffer.from(head), Buffer.from("Siti"), Buffer.from(bytes), Buffer.from(tail)]));
        expect({ bytes, status: r.status, body: r.body }).toEqual({ bytes, status: 400, body: { errors: [{ message: "Request body is not valid UTF-8", extensions: { code: "BAD_REQUEST" } }] } });
      }
      expect(await hub.db.prisma.personStatement.count({ where: { externalId } })).toBe(0);
      // Control: the same body in valid UTF-8 is stored exactly.
      const ok = await post(Buffer.from(json.replace("SITI", "Siti Ñ")));
      expect(ok.body.data.contributePerson.result.status).toBe("CREATED");
      expect(await hub.db.prisma.personStatement.findFirst({ where: { externalId }, select: { fullName: true } })).toEqual({ fullName: "Siti Ñ" });
    });
  });

  describe("paging arguments", () => {
    beforeAll(async () => {
      for (let i = 0; i < 3; i++) {
        await hub.gql(`mutation($input: CaseInput!) { contributeCase(input: $input) { result { status } } }`, { input: { externalId: `page-${i}`, sourceSystem: "TEST" } });
      }
    });

    const b64 = (s: string) => Buffer.from(s).toString("base64");

    it.each([
      ["garbage", "zzz"],
      ["not base64 of a cursor", b64("hello")],
      ["a cursor that is not a UUID", b64("GPC:S:not-a-uuid")],
      ["a number where the id is a UUID", b64("GPC:N:12")],
      ["a date where the id is a UUID", b64("GPC:D:0")],
      ["SQL in a cursor", b64("GPC:S:' OR 1=1 --")],
    ])("%s as `after` is BAD_USER_INPUT at the field, naming the argument", async (_what, cursor) => {
      const r = await hub.gql(`query($c: String) { cases(first: 2, after: $c) { totalCount edges { cursor } } }`, { c: cursor });
      expect(r.body.errors).toEqual([
        { message: expect.stringMatching(/^after: is not a cursor of this list/), locations: expect.any(Array), path: ["cases"], extensions: { code: "BAD_USER_INPUT", argumentPath: "after" } },
      ]);
      const before = await hub.gql(`query($c: String) { cases(last: 2, before: $c) { totalCount } }`, { c: cursor });
      expect(before.body.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", argumentPath: "before" });
    });

    it("a case cursor given to the audit log is BAD_USER_INPUT (a cursor of another list)", async () => {
      const page = await hub.gql(`{ cases(first: 1) { edges { cursor } } }`);
      const cursor = page.body.data.cases.edges[0].cursor as string;
      const r = await hub.gql(`query($c: String) { auditLog(first: 2, after: $c) { totalCount edges { cursor } } }`, { c: cursor });
      expect(r.body.errors?.[0]).toMatchObject({ path: ["auditLog"], extensions: { code: "BAD_USER_INPUT", argumentPath: "after" } });
    });

    it.each([
      ["first", "before"],
      ["last", "after"],
      ["after", "before"],
    ])("%s with %s (a valid cursor) is BAD_USER_INPUT naming the argument", async (a, b) => {
      const page = await hub.gql(`{ cases(first: 1) { pageInfo { endCursor } } }`);
      const cursor = page.body.data.cases.pageInfo.endCursor as string;
      const value = (name: string) => (name === "first" || name === "last" ? 1 : cursor);
      const r = await hub.gql(`query($a: ${a === "after" ? "String" : "Int"}, $b: String) { cases(${a}: $a, ${b}: $b) { totalCount } }`, { a: value(a), b: value(b) });
      expect(r.body.errors).toEqual([
        { message: expect.stringMatching(new RegExp(`^${b}: cannot be combined with ${a}`)), locations: expect.any(Array), path: ["cases"], extensions: { code: "BAD_USER_INPUT", argumentPath: b } },
      ]);
    });

    it.each([
      ["first", -1],
      ["last", -1],
      ["first", 101],
      ["last", 1000],
    ])("%s: %d is BAD_USER_INPUT at the field", async (arg, n) => {
      const r = await hub.gql(`query($n: Int) { cases(${arg}: $n) { totalCount } }`, { n });
      expect(r.body.errors).toEqual([
        { message: `${arg}: must be between 0 and 100`, locations: expect.any(Array), path: ["cases"], extensions: { code: "BAD_USER_INPUT", argumentPath: arg } },
      ]);
    });

    it("valid cursors and bounds page as before (control)", async () => {
      const first = await hub.gql(`{ cases(first: 1) { edges { cursor } pageInfo { endCursor hasNextPage } } }`);
      expect(first.body.errors).toBeUndefined();
      const next = await hub.gql(`query($c: String) { cases(first: 100, after: $c) { edges { cursor } } }`, { c: first.body.data.cases.pageInfo.endCursor });
      expect(next.body.errors).toBeUndefined();
      expect(next.body.data.cases.edges.length).toBeGreaterThan(0);
      const empty = await hub.gql(`{ cases(first: 0) { edges { cursor } } }`);
      expect(empty.body).toEqual({ data: { cases: { edges: [] } } });
      const audit = await hub.gql(`{ auditLog(first: 1) { pageInfo { endCursor } } }`);
      const more = await hub.gql(`query($c: String) { auditLog(first: 1, after: $c) { totalCount } }`, { c: audit.body.data.auditLog.pageInfo.endCursor });
      expect(more.body.errors).toBeUndefined();
    });
  });

  describe("documents", () => {
    it("a syntax error is 400 GRAPHQL_PARSE_FAILED with its location", async () => {
      const r = await hub.gql(`{ cases(first: 1 { totalCount } }`);
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ errors: [{ message: expect.stringMatching(/^Syntax Error/), locations: [{ line: 1, column: 18 }], extensions: { code: "GRAPHQL_PARSE_FAILED" } }] });
    });

    it("an invalid document is 400 GRAPHQL_VALIDATION_FAILED, without suggestions", async () => {
      const r = await hub.gql(`{ casez { totalCount } }`);
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ errors: [{ message: 'Cannot query field "casez" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] });
    });

    it("a document over the token limit is 400 LIMIT_EXCEEDED without naming the limit", async () => {
      const r = await hub.gql(`{ ${Array.from({ length: 1600 }, (_, i) => `a${i}: __typename`).join(" ")} }`);
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ errors: [{ message: "Request exceeds a limit", extensions: { code: "LIMIT_EXCEEDED" } }] });
    });

    it("an unknown operation name is 400 OPERATION_RESOLUTION_FAILURE", async () => {
      const r = await post(JSON.stringify({ query: `query A { __typename }`, operationName: "B" }));
      expect(r.status).toBe(400);
      expect(r.body.errors?.[0]?.extensions).toEqual({ code: "OPERATION_RESOLUTION_FAILURE" });
    });
  });

  describe("automatic persisted queries (Apollo Client's persisted-query link)", () => {
    const query = `query Regions { regions { code } }`;
    const sha256Hash = crypto.createHash("sha256").update(query).digest("hex");
    const apq = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

    it("a miss is PERSISTED_QUERY_NOT_FOUND; the link then registers the query and later hashes hit", async () => {
      const miss = await post(JSON.stringify(apq(sha256Hash)));
      expect(miss.status).toBe(200); // what Apollo Server answers and the link expects
      expect(miss.body).toEqual({ errors: [{ message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }] });
      const register = await post(JSON.stringify({ query, ...apq(sha256Hash) }));
      expect(register.body.errors).toBeUndefined();
      const hit = await post(JSON.stringify(apq(sha256Hash)));
      expect(hit.body).toEqual(register.body);
    });

    it("a hash that does not match the query is 400 BAD_REQUEST", async () => {
      const r = await post(JSON.stringify({ query, ...apq("0".repeat(64)) }));
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ message: "provided sha does not match query", extensions: { code: "BAD_REQUEST" } }]);
    });
  });
});
