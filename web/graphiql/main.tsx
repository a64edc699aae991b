// /graphiql: the API explorer for agency developers. GraphiQL 5 and its Monaco editor are bundled
// (workers included, graphiql/setup-workers/vite); nothing loads from the internet. The token from
// the sign-in box goes out as `Authorization: Bearer` on every request, the schema included, and
// is never written into GraphiQL's own (persisted) header editor.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "../shared/style.css";
import "./graphiql.css";
import { StrictMode, useCallback, useState } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL, type GraphiQLProps } from "graphiql";
import { Kind, parse } from "graphql";
import { PageShell } from "../shared/PageShell";
import { SignIn } from "../shared/SignIn";
import { GRAPHQL_PATH } from "../shared/api";
import { useLang, useToken } from "../shared/hooks";
import { messages, t as shared } from "../shared/i18n";
import { getToken } from "../shared/token";
import { EXAMPLES } from "./examples";

const t = messages({
  id: {
    title: "Penjelajah API",
    intro: "Coba operasi GraphQL hub dengan token Anda. Contoh operasi ada di tab-tab editor; skema lengkap ada di panel Docs dan di schema/hub.graphql. Kebijakan akses tetap berlaku: kolom yang tidak boleh dilihat peran Anda disamarkan atau kosong.",
    reset: "Kembalikan tab contoh",
    editor: "Editor GraphiQL",
  },
  en: {
    title: "API explorer",
    intro: "Try the hub's GraphQL operations with your token. Example operations are in the editor's tabs; the full schema is in the Docs panel and in schema/hub.graphql. The access policy still applies: fields your role may not see come back masked or empty.",
    reset: "Restore the example tabs",
    editor: "GraphiQL editor",
  },
});

type Fetcher = GraphiQLProps["fetcher"];

/**
 * GraphiQL settles a tab's operation name a moment after the tab is switched (debounced), so an
 * Execute right after the switch can carry the previous tab's name with this tab's document, and
 * the hub refuses it (400, unknown operation). A name the document does not define is dropped when
 * the document holds one operation, the one GraphQL then runs anyway.
 */
function definedOperationName(query: string, name: string | null | undefined): string | null | undefined {
  if (!name) return name;
  try {
    const operations = parse(query).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.some((o) => o.name?.value === name)) return name;
    return operations.length === 1 ? undefined : name;
  } catch {
    return name; // unparsable: the hub's answer names the syntax error
  }
}

/** Plain JSON over POST: the answer (errors and extensions included) is shown as the hub sent it. */
const fetcher: Fetcher = async (rawParams, opts) => {
  const params = { ...rawParams, operationName: definedOperationName(rawParams.query, rawParams.operationName) };
  const token = getToken();
  const res = await fetch(GRAPHQL_PATH, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(opts?.headers as Record<string, string> | undefined),
    },
    body: JSON.stringify(params),
  });
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}` }] };
  }
};

// GraphiQL keeps its tabs, history (queries and variables: a NIK searched for, say) and settings
// in the tab's sessionStorage, like the token: gone when the tab closes, on a shared machine too.
const storage = window.sessionStorage;

/** Removing GraphiQL's keys brings the example tabs back. */
function forgetTabs(): void {
  for (const key of Object.keys(storage)) if (key.startsWith("graphiql:")) storage.removeItem(key);
}

function Explorer() {
  useLang();
  const token = useToken();
  const [generation, setGeneration] = useState(0);
  const reset = useCallback(() => {
    forgetTabs();
    setGeneration((g) => g + 1);
  }, []);
  return (
    <PageShell page="graphiql" title={t("title")} wide>
      <p className="intro">{t("intro")}</p>
      <div className="explorer-bar">
        <SignIn />
        <button type="button" className="secondary" onClick={reset}>
          {t("reset")}
        </button>
      </div>
      {token ? (
        <section className="graphiql-frame" aria-label={t("editor")}>
          {/* Another token means another view of the hub: remount so GraphiQL asks for the schema again. */}
          <GraphiQL key={`${token}#${generation}`} fetcher={fetcher} storage={storage} defaultTabs={EXAMPLES} defaultEditorToolsVisibility isHeadersEditorEnabled forcedTheme="light" />
        </section>
      ) : (
        // Without a token the hub answers nothing, not even the schema (401).
        <p className="panel">{shared("signin.required")}</p>
      )}
    </PageShell>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
