// The benchmark's same-data check (bench/compare.ts): answers that differ in substance must be
// caught, answers that differ only in connection wrappers, enum spelling or set order must not.
import { differences, normalise, dataOf } from "../../bench/compare";
import { answer } from "../../bench/read-phase";
import { READS } from "../../bench/reads";

const opts = { enumKeys: ["status", "sex", "type"], orderedKeys: ["cases"] };
const same = (a: unknown, b: unknown) => differences(normalise(a, opts), normalise(b, opts));

describe("normalise + differences", () => {
  const hub = {
    cases: {
      edges: [
        { node: { id: "c1", status: "FollowUp", victims: [{ id: "v2", person: { sex: "Feminine", documents: [{ type: "ID_PMI", number: "2" }, { type: "NIK", number: "1" }] } }, { id: "v1" }] } },
        { node: { id: "c2", status: "Active", victims: [] } },
      ],
    },
  };
  const postgraphile = {
    cases: {
      nodes: [
        { id: "c1", status: "FOLLOW_UP", victims: { nodes: [{ id: "v1" }, { id: "v2", person: { sex: "FEMININE", documents: { nodes: [{ type: "NIK", number: "1" }, { type: "ID_PMI", number: "2" }] } } }] } },
        { id: "c2", status: "ACTIVE", victims: { nodes: [] } },
      ],
    },
  };

  it("treats connection wrappers, enum spelling, key order and set order as the same", () => {
    expect(same(hub, postgraphile)).toEqual([]);
  });

  it("catches a different value, naming its path", () => {
    const changed = structuredClone(postgraphile);
    changed.cases.nodes[0]!.victims.nodes[1]!.person!.documents.nodes[0]!.number = "9";
    const diffs = same(hub, changed);
    expect(diffs.length).toBeGreaterThan(0);
    expect(diffs[0]!.path).toMatch(/^data\.cases\[0\]\.victims\[1\]\.person\.documents\[\d\]\.number$/);
  });

  it("catches a row missing from a set", () => {
    const fewer = structuredClone(postgraphile);
    fewer.cases.nodes[0]!.victims.nodes.pop();
    expect(same(hub, fewer)).toContainEqual(expect.objectContaining({ path: "data.cases[0].victims.length", expected: 2, actual: 1 }));
  });

  it("keeps the order of an ordered list (a page sorted by the query)", () => {
    const swapped = structuredClone(postgraphile);
    swapped.cases.nodes.reverse();
    expect(same(hub, swapped).length).toBeGreaterThan(0);
  });

  it("catches a null where the reference has a record (a row scope that hides it)", () => {
    expect(same({ case: { id: "c1" } }, { case: null })).toEqual([{ path: "data.case", expected: { id: "c1" }, actual: null }]);
  });

  it("does not unify enum spelling outside enum keys (names stay exact)", () => {
    expect(same({ fullName: "Siti_Aminah" }, { fullName: "SITIAMINAH" }).length).toBe(1);
  });

  it("refuses an answer with errors or without data", () => {
    expect(() => dataOf("hub", JSON.stringify({ data: null, errors: [{ message: "FORBIDDEN" }] }))).toThrow(/hub: errors/);
    expect(() => dataOf("floor", "<html>")).toThrow(/floor: not JSON/);
    expect(() => dataOf("postgraphile", JSON.stringify({ data: null }))).toThrow(/no data/);
  });
});

describe("the reads' answers, as each system's answer is reshaped", () => {
  const nik = READS.find((r) => r.key === "nik")!;

  // A stand-in server answering one fixed body, to drive answer() through real HTTP.
  async function withServer(body: unknown, fn: (base: string) => Promise<void>) {
    const http = await import("node:http");
    const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body)));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    try {
      await fn(`http://127.0.0.1:${port}`);
    } finally {
      server.close();
    }
  }

  const person = (docs: string[]) => ({ id: "p1", fullName: "Siti", birthDate: "1990-01-02", sex: "Feminine", documents: docs.map((n) => ({ type: "NIK", number: n, issuingCountry: "ID" })) });

  it("PostGraphile's one-entry-per-document NIK answer equals the hub's persons, and a differing one does not", async () => {
    const hubAnswer = { data: { personsByDocument: [person(["1", "1"])] } };
    const pglPerson = (docs: string[]) => ({ person: { ...person([]), sex: "FEMININE", documents: { nodes: docs.map((n) => ({ type: "NIK", number: n, issuingCountry: "ID" })) } } });
    let hubData: unknown;
    await withServer(hubAnswer, async (base) => void (hubData = await answer(nik, { name: "hub", base, headers: {}, pid: 0, rssMb: () => 0, stop: async () => {} }, "1")));
    const pgl = async (body: unknown) => {
      let data: unknown;
      await withServer(body, async (base) => void (data = await answer(nik, { name: "postgraphile", base, headers: {}, pid: 0, rssMb: () => 0, stop: async () => {} }, "1")));
      return data;
    };
    const matching = await pgl({ data: { personsByDocument: { nodes: [pglPerson(["1", "1"]), pglPerson(["1", "1"])] } } });
    expect(differences(hubData, matching)).toEqual([]);
    const otherDocs = await pgl({ data: { personsByDocument: { nodes: [pglPerson(["1"])] } } });
    expect(differences(hubData, otherDocs).length).toBeGreaterThan(0);
  });
});
