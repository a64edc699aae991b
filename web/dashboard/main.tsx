// /dashboard: placeholder of the web scaffold; the page itself is built on branch `dashboard`.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../shared/style.css";
import { PageShell } from "../shared/PageShell";
import { SignIn } from "../shared/SignIn";
import { useLang } from "../shared/hooks";
import { t } from "../shared/i18n";

function Page() {
  useLang();
  return (
    <PageShell page="dashboard" title={t("nav.dashboard")}>
      <SignIn />
    </PageShell>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
