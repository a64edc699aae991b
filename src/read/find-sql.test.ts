import { compileFindMany } from "./find-sql";
import { Unsupported } from "./params";

describe("compileFindMany", () => {
  it("gives one statement text whatever a list's length (lists are one array parameter)", () => {
    const sql = (ids: string[], roles: string[]) =>
      compileFindMany("Case", {
        where: { id: { in: ids } },
        include: { participants: { where: { role: { in: roles } } } },
      });
    const one = sql(["a"], ["VICTIM"]);
    const many = sql(["a", "b", "c", "d", "e"], ["VICTIM", "SUSPECT"]);
    expect(many.sql).toBe(one.sql);
    expect(one.sql).toContain('= ANY($1::text[])');
    expect(one.sql).toContain('= ANY($2::"ParticipantRole"[])');
    expect(many.params).toEqual([["a", "b", "c", "d", "e"], ["VICTIM", "SUSPECT"]]);
  });

  it("nests relations as subqueries of the same statement", () => {
    const { sql } = compileFindMany("Case", { include: { participants: { include: { person: { include: { documents: true } } } } } });
    expect(sql.match(/json_agg/g)).toHaveLength(2); // participants, documents
    expect(sql).toContain('FROM "Person"');
    expect(sql.trim().startsWith("SELECT")).toBe(true);
  });

  it("refuses what it does not know instead of guessing", () => {
    expect(() => compileFindMany("Case", { where: { title: { search: "x" } } })).toThrow(Unsupported);
    expect(() => compileFindMany("Case", { distinct: ["status"] } as never)).toThrow(Unsupported);
  });
});
