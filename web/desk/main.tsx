// /desk: the LTSA desk page (DeskPage.tsx).
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../shared/style.css";
import "./desk.css";
import { DeskPage } from "./DeskPage";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <DeskPage />
  </StrictMode>,
);
