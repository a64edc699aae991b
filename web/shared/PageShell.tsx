// The frame every page shares: skip link, header with the page links and the language switch,
// one <main> landmark. Pages put their content inside.
import type { ReactNode } from "react";
import { LANGS, setLang, t, type Lang } from "./i18n";
import { useLang } from "./hooks";

export type PageName = "home" | "desk" | "dashboard" | "graphiql";

const LINKS: { page: PageName; href: string; key: "nav.home" | "nav.desk" | "nav.dashboard" | "nav.graphiql" }[] = [
  { page: "home", href: "/", key: "nav.home" },
  { page: "desk", href: "/desk", key: "nav.desk" },
  { page: "dashboard", href: "/dashboard", key: "nav.dashboard" },
  { page: "graphiql", href: "/graphiql", key: "nav.graphiql" },
];

export function PageShell({ page, title, children, wide }: { page: PageName; title: string; children: ReactNode; wide?: boolean }) {
  const lang = useLang();
  return (
    <>
      <a className="skip-link" href="#main">
        {lang === "id" ? "Langsung ke isi" : "Skip to content"}
      </a>
      <header className="site-header">
        <a className="brand" href="/">
          {t("app.name")}
        </a>
        <nav aria-label={t("nav.label")}>
          <ul>
            {LINKS.map((l) => (
              <li key={l.page}>
                <a href={l.href} aria-current={l.page === page ? "page" : undefined}>
                  {t(l.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <LangSwitch lang={lang} />
      </header>
      <main id="main" tabIndex={-1} className={wide ? "wide" : undefined}>
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}

function LangSwitch({ lang }: { lang: Lang }) {
  return (
    <div className="lang-switch" role="group" aria-label={t("lang.label")}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => setLang(l)}>
          {l === "id" ? "ID" : "EN"}
          <span className="visually-hidden"> {t(l === "id" ? "lang.id" : "lang.en")}</span>
        </button>
      ))}
    </div>
  );
}
