// One check on every string a request brings in (variables and literals in the document), before
// anything runs: a NUL character or an unpaired UTF-16 surrogate can never be stored (PostgreSQL
// text refuses NUL; a lone surrogate has no UTF-8 form and would be replaced silently), so such a
// request is refused as the caller's mistake, naming where, instead of failing in the database.
import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, visit, type DocumentNode } from "graphql";
import { HubError } from "../errors";

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What makes a string unstorable, or null when it is fine. */
export function stringProblem(s: string): string | null {
  if (s.includes("\u0000")) return "contains a NUL character (U+0000)";
  if (LONE_SURROGATE.test(s)) return "contains an unpaired UTF-16 surrogate (not valid Unicode)";
  return null;
}

export interface BadString {
  /** Where, in the caller's terms: `$input.documents[0].number`. */
  at: string;
  problem: string;
}

/** First unstorable string (or object key) in a JSON value, depth-first. */
export function findBadString(value: unknown, at: string): BadString | null {
  if (typeof value === "string") {
    const problem = stringProblem(value);
    return problem ? { at, problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const bad = findBadString(v, `${at}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = stringProblem(k);
      if (keyProblem) return { at, problem: `has a field name that ${keyProblem}` };
      const bad = findBadString(v, `${at}.${k}`);
      if (bad) return bad;
    }
  }
  return null;
}

function refuse(bad: BadString): HubError {
  return new HubError("BAD_USER_INPUT", `${bad.at} ${bad.problem}. Send text as valid UTF-8 without NUL characters.`, {
    argumentPath: bad.at,
    http: { status: 400 },
  });
}

/** Throws BAD_USER_INPUT for the first unstorable string in the variables or the document. */
export function checkRequestStrings(variables: Record<string, unknown> | undefined, document: DocumentNode): void {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const bad = findBadString(value, `$${name}`);
    if (bad) throw refuse(bad);
  }
  let found: BadString | null = null;
  visit(document, {
    [Kind.STRING](node) {
      const problem = stringProblem(node.value);
      if (problem && !found) {
        const loc = node.loc ? ` at line ${node.loc.startToken.line}, column ${node.loc.startToken.column}` : "";
        found = { at: `A string in the document${loc}`, problem };
      }
    },
  });
  if (found) throw refuse(found);
}

export function stringInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          checkRequestStrings(request.variables, document);
        },
      };
    },
  };
}
