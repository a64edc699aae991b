// Token limit on the GraphQL document, checked before Apollo parses it. Replaces graphql-armor's
// max-tokens plugin for Apollo, which parses inside a plugin hook: there a plain syntax error
// escaped as an HTTP 500 instead of Apollo's GRAPHQL_PARSE_FAILED with 400.
import type { ApolloServerPlugin } from "@apollo/server";
import { Lexer, Source, TokenKind } from "graphql";
import { HubError } from "../errors";

export interface TokenLimitOptions {
  /** Most tokens a document may hold. @default 3000 */
  n?: number;
}

class TooManyTokens extends Error {}

/** Whether the document has more than `max` tokens; lexing errors are left to Apollo's parser. */
export function exceedsTokens(source: string, max: number): boolean {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) if (++count > max) throw new TooManyTokens();
  } catch (err) {
    if (err instanceof TooManyTokens) return true;
    return false; // a syntax error: Apollo's own parse reports it as GRAPHQL_PARSE_FAILED (400)
  }
  return false;
}

export function tokenLimitPlugin(options: TokenLimitOptions = {}): ApolloServerPlugin {
  const max = options.n ?? 3000;
  return {
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          // The limit itself is never named (security.md: guards do not expose their limits).
          if (exceedsTokens(source, max)) throw new HubError("LIMIT_EXCEEDED", "Request exceeds a limit", { http: { status: 400 } });
        },
      };
    },
  };
}
