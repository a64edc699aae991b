// Token profiles `npm start` and `serve --demo` issue so a new user can query at once, one per
// role of the policy (a test checks none is missing), each with an agency of the demo, the purpose
// that role works under and its territory (the hub and, through the gateway, the agency
// subgraphs: police, prosecutor, BP3MI and Imigrasi each see their part).
import type { Purpose, Role } from "../policy/roles";

export interface DemoTokenProfile {
  /** The name in DATA_DIR/demo-tokens.txt and the banner: the role's name. */
  label: Role;
  agency: string;
  roles: readonly Role[];
  purpose: Purpose;
  jurisdiction: readonly string[];
}

export const DEMO_TOKEN_PROFILES = [
  { label: "police-investigator", agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation", jurisdiction: ["61"] },
  { label: "prosecutor", agency: "KEJATI-KALBAR", roles: ["prosecutor"], purpose: "prosecution", jurisdiction: ["61"] },
  { label: "bp3mi-officer", agency: "BP3MI-KALBAR", roles: ["bp3mi-officer"], purpose: "placement-protection", jurisdiction: ["61"] },
  { label: "immigration-officer", agency: "IMIGRASI-ENTIKONG", roles: ["immigration-officer"], purpose: "border-control", jurisdiction: ["61"] },
  { label: "social-worker", agency: "DINSOS-KALBAR", roles: ["social-worker"], purpose: "victim-services", jurisdiction: ["61"] },
  { label: "legal-aid", agency: "LBH-PONTIANAK", roles: ["legal-aid"], purpose: "legal-aid", jurisdiction: ["61"] },
  { label: "ltsa-officer", agency: "LTSA-ENTIKONG", roles: ["ltsa-officer"], purpose: "early-warning", jurisdiction: ["61"] },
  { label: "ngo-case-worker", agency: "NGO-SUAKA-BORNEO", roles: ["ngo-case-worker"], purpose: "victim-services", jurisdiction: ["61"] },
  { label: "ngo-analyst", agency: "NGO-SUAKA-BORNEO", roles: ["ngo-analyst"], purpose: "statistics", jurisdiction: [] },
  { label: "task-force-analyst", agency: "GUGUS-TUGAS-KALBAR", roles: ["task-force-analyst"], purpose: "statistics", jurisdiction: ["61"] },
  { label: "auditor", agency: "GUGUS-TUGAS-KALBAR", roles: ["auditor"], purpose: "audit", jurisdiction: [] },
  { label: "admin", agency: "GUGUS-TUGAS-KALBAR", roles: ["admin"], purpose: "administration", jurisdiction: [] },
] as const satisfies readonly DemoTokenProfile[];
