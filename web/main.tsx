// GET /: what the hub serves in a browser, one link per page.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./shared/style.css";
import { PageShell } from "./shared/PageShell";
import { useLang } from "./shared/hooks";
import { messages } from "./shared/i18n";

const t = messages({
  id: {
    title: "TPPO Hub",
    intro: "Hub data bersama untuk penanganan tindak pidana perdagangan orang (TPPO) di Kalimantan. Semua halaman memakai API GraphQL publik dengan token Anda sendiri.",
    desk: "Meja LTSA",
    "desk.about": "Untuk petugas LTSA: cek NIK atau paspor, legalitas penempatan, laporan peringatan dini, rujukan layanan.",
    dashboard: "Dasbor Gugus Tugas",
    "dashboard.about": "Peta wilayah rawan, tren, modus dan keterlambatan rujukan dari statistik k-anonim.",
    graphiql: "Penjelajah API (GraphiQL)",
    "graphiql.about": "Untuk pengembang instansi: coba operasi hub dengan token Anda.",
  },
  en: {
    title: "TPPO Hub",
    intro: "The shared data hub for counter-trafficking (TPPO) work in Kalimantan. Every page uses the public GraphQL API with your own token.",
    desk: "LTSA desk",
    "desk.about": "For LTSA officers: check a NIK or passport, placement legality, early-warning reports, service referrals.",
    dashboard: "Task-force dashboard",
    "dashboard.about": "Map of vulnerable areas, trends, modus and referral delays from k-anonymous statistics.",
    graphiql: "API explorer (GraphiQL)",
    "graphiql.about": "For agency developers: try the hub's operations with your token.",
  },
});

function Home() {
  useLang();
  const pages = [
    { href: "/desk", name: t("desk"), about: t("desk.about") },
    { href: "/dashboard", name: t("dashboard"), about: t("dashboard.about") },
    { href: "/graphiql", name: t("graphiql"), about: t("graphiql.about") },
  ];
  return (
    <PageShell page="home" title={t("title")}>
      <p>{t("intro")}</p>
      <ul className="cards">
        {pages.map((p) => (
          <li key={p.href}>
            <a href={p.href}>{p.name}</a>
            <p>{p.about}</p>
          </li>
        ))}
      </ul>
    </PageShell>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Home />
  </StrictMode>,
);
