import { parse } from "graphql";
import { checkRequestStrings, findBadString, stringProblem } from "./string-input";

describe("stringProblem", () => {
  it.each([["plain"], ["Siti Ñ"], ["🙂 (a surrogate pair)"], ["a\u0301"], ["\u0001 other control characters are storable"], [""]])("accepts %j", (s) => {
    expect(stringProblem(s)).toBeNull();
  });
  it.each([["a\u0000b"], ["\ud800"], ["x\udc00"], ["\ud83d\ud83d"], ["🙂".slice(0, 1) + "x"]])("refuses %j", (s) => {
    expect(stringProblem(s)).not.toBeNull();
  });
});

describe("findBadString", () => {
  it("names the path in the caller's terms", () => {
    expect(findBadString({ documents: [{ number: "ok" }, { number: "1\u00002" }] }, "$input")).toEqual({ at: "$input.documents[1].number", problem: expect.stringMatching(/NUL/) });
    expect(findBadString({ ["k\u0000"]: 1 }, "$v")).toEqual({ at: "$v", problem: expect.stringMatching(/field name/) });
    expect(findBadString({ a: [1, true, null, { b: "fine" }] }, "$v")).toBeNull();
  });
});

describe("checkRequestStrings", () => {
  it("checks variables and the document's string literals", () => {
    expect(() => checkRequestStrings({ n: "ok" }, parse(`{ a(b: "fine") }`))).not.toThrow();
    expect(() => checkRequestStrings({ n: "x\ud800" }, parse(`{ a }`))).toThrow(/^\$n contains an unpaired/);
    expect(() => checkRequestStrings({}, parse(`{ a(b: "x\\u0000") }`))).toThrow(/line 1, column 8 contains a NUL/);
  });
});
