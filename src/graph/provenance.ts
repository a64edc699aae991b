// Provenance shared by every contributed record. The fields stay flat on each implementing type
// (Case.contributedBy, Person... are distinct policy coordinates); the interface only documents
// and guarantees the common shape.
import { builder } from "./builder";

export interface ProvenanceShape {
  sourceAgency: string;
  sourceSystem: string;
  externalId: string;
  contributedAt: Date;
  contributedBy: string;
  version: number;
  updatedAt: Date;
}

export const ContributionRef = builder.interfaceRef<ProvenanceShape>("Contribution").implement({
  description:
    "A record contributed by an agency. (sourceAgency, externalId) identifies it in the contributing agency's own system and is unique per record type; contributing the same pair again updates the record and bumps version.",
  fields: (t) => ({
    sourceAgency: t.exposeString("sourceAgency", {
      nullable: false,
      description: "Code of the agency that contributed this record (Organization.code, e.g. POLDA-KALBAR). Only this agency may update it.",
    }),
    sourceSystem: t.exposeString("sourceSystem", {
      nullable: false,
      description: "System the record came from at that agency (e.g. SISKOP2MI, SIMKIM, SIMFONI-PPA, CSV-IMPORT).",
    }),
    externalId: t.exposeString("externalId", {
      nullable: false,
      description: "The record's identifier in the contributing agency's own system.",
    }),
    contributedAt: t.expose("contributedAt", {
      type: "DateTime",
      nullable: false,
      description: "When the hub first received this record.",
    }),
    contributedBy: t.exposeString("contributedBy", {
      nullable: false,
      description: "Subject (user or service account) of the token that last contributed this record.",
    }),
    version: t.exposeInt("version", {
      nullable: false,
      description: "Starts at 1 and increases by one each time the contributing agency changes the record; use it for optimistic concurrency.",
    }),
    updatedAt: t.expose("updatedAt", {
      type: "DateTime",
      nullable: false,
      description: "When the record last changed in the hub.",
    }),
  }),
});
