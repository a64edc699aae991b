import { OperationNames, OTHER_OPERATIONS, UNNAMED_OPERATION } from "./operation-names";

describe("OperationNames", () => {
  it("collapses unnamed and unresolved operations into one label", () => {
    const names = new OperationNames(5);
    expect(names.label(null)).toBe(UNNAMED_OPERATION);
    expect(names.label(undefined)).toBe(UNNAMED_OPERATION);
    expect(names.label("")).toBe(UNNAMED_OPERATION);
    // Not a GraphQL name (a client-chosen string that never resolved): no label of its own.
    expect(names.label("drop table; --")).toBe(UNNAMED_OPERATION);
    expect(names.label("x".repeat(65))).toBe(UNNAMED_OPERATION);
  });

  it("keeps at most `max` distinct names; later ones share one label, admitted ones stay", () => {
    const names = new OperationNames(3);
    expect(["A", "B", "C"].map((n) => names.label(n))).toEqual(["A", "B", "C"]);
    expect(names.label("D")).toBe(OTHER_OPERATIONS);
    expect(names.label("E")).toBe(OTHER_OPERATIONS);
    expect(names.label("B")).toBe("B");
    const labels = new Set(Array.from({ length: 1000 }, (_, i) => names.label(`Op${i}`)));
    expect([...labels]).toEqual([OTHER_OPERATIONS]);
  });
});
