// /dashboard: the task-force dashboard (Dashboard.tsx) behind the shared sign-in.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../shared/style.css";
import "./dashboard.css";
import { PageShell } from "../shared/PageShell";
import { SignIn } from "../shared/SignIn";
import { useLang, useToken } from "../shared/hooks";
import { t as shared } from "../shared/i18n";
import { Dashboard } from "./Dashboard";
import { t } from "./messages";

function Page() {
  useLang();
  const token = useToken();
  return (
    <PageShell page="dashboard" title={t("title")} wide>
      <SignIn />
      {token ? <Dashboard /> : <p>{shared("signin.required")}</p>}
    </PageShell>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
