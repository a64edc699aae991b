// Token profiles `npm start` prints so a new user can query at once (the hub and, through the
// gateway, the agency subgraphs: police, prosecutor, BP3MI and Imigrasi each see their part).
export const DEMO_TOKEN_PROFILES = [
  { label: "police-investigator", agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation", jurisdiction: ["61"] },
  { label: "prosecutor", agency: "KEJATI-KALBAR", roles: ["prosecutor"], purpose: "prosecution", jurisdiction: ["61"] },
  { label: "bp3mi-officer", agency: "BP3MI-KALBAR", roles: ["bp3mi-officer"], purpose: "placement-protection", jurisdiction: ["61"] },
  { label: "immigration-officer", agency: "IMIGRASI-ENTIKONG", roles: ["immigration-officer"], purpose: "border-control", jurisdiction: ["61"] },
  { label: "social-worker", agency: "DINSOS-KALBAR", roles: ["social-worker"], purpose: "victim-services", jurisdiction: ["61"] },
  { label: "ltsa-officer", agency: "LTSA-ENTIKONG", roles: ["ltsa-officer"], purpose: "early-warning", jurisdiction: ["61"] },
  { label: "task-force-analyst", agency: "GUGUS-TUGAS-KALBAR", roles: ["task-force-analyst"], purpose: "statistics", jurisdiction: ["61"] },
  { label: "ngo-analyst", agency: "NGO-SUAKA-BORNEO", roles: ["ngo-analyst"], purpose: "statistics", jurisdiction: [] },
  { label: "admin", agency: "GUGUS-TUGAS-KALBAR", roles: ["admin"], purpose: "administration", jurisdiction: [] },
] as const;
