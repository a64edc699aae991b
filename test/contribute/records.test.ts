// Single-record contribution mutations over real HTTP: every record type, idempotency,
// versioning, ownership, references across agencies and validation errors.
import {
  ContributeBorderCrossingDocument,
  ContributeCaseDocument,
  ContributeCaseParticipantDocument,
  ContributeEarlyWarningReportDocument,
  ContributeLegalProceedingDocument,
  ContributeMigrantPlacementDocument,
  ContributeOrganizationDocument,
  ContributePersonDocument,
  ContributeRepatriationDocument,
  ContributeServiceReferralDocument,
  type CaseInput,
  type CaseParticipantInput,
  type LegalProceedingInput,
  type OrganizationInput,
  type PersonInput,
  type ServiceReferralInput,
} from "../generated/graphql";
import { backends, startTestHub, type TestHub } from "../support/hub";
import { agencyTokens, data, errorKeys, NIK, registerAgencies, rowCounts, uid, type Tokens } from "./support";

describe.each(backends)("contribution mutations on %s", (backend) => {
  let hub: TestHub;
  let tok: Tokens;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    await registerAgencies(hub);
    tok = await agencyTokens(hub);
  });
  afterAll(() => hub.stop());

  const person = async (token: string, input: PersonInput) => data(await hub.gql(ContributePersonDocument, { input }, { token })).contributePerson;
  const kase = async (token: string, input: CaseInput) => data(await hub.gql(ContributeCaseDocument, { input }, { token })).contributeCase;
  const org = async (token: string, input: OrganizationInput) => data(await hub.gql(ContributeOrganizationDocument, { input }, { token })).contributeOrganization;
  const referral = async (token: string, input: ServiceReferralInput) => data(await hub.gql(ContributeServiceReferralDocument, { input }, { token })).contributeServiceReferral;

  describe("idempotency and versions", () => {
    it("creates, then reports UNCHANGED without writing, then UPDATED with version + 1", async () => {
      const input: CaseInput = {
        externalId: uid("LP"),
        sourceSystem: "EMP",
        title: "Pengiriman PMI nonprosedural via Entikong",
        modus: ["ILLEGAL_MIGRANT_WORKER_DISPATCH", "PLANTATION_WORKER"],
        exploitationTypes: ["ForcedLabour"],
        destinationCountry: "MY",
        identifiedAt: "2026-03-14",
      };
      const first = await kase(tok.polda, input);
      expect(first.result).toMatchObject({ status: "CREATED", version: 1, recordType: "Case", externalId: input.externalId, errors: [] });
      expect(first.record?.id).toBe(first.result.id);
      const stored = await hub.db.prisma.case.findUniqueOrThrow({ where: { id: first.result.id! } });
      expect(stored).toMatchObject({ sourceAgency: "POLDA-KALBAR", contributedBy: "officer:polda", sourceSystem: "EMP", version: 1 });

      // Same record again, vocabulary in another order: nothing changes, not even updatedAt.
      const again = await kase(tok.polda, { ...input, modus: ["PLANTATION_WORKER", "ILLEGAL_MIGRANT_WORKER_DISPATCH"] });
      expect(again.result).toMatchObject({ status: "UNCHANGED", version: 1, id: first.result.id });
      const after = await hub.db.prisma.case.findUniqueOrThrow({ where: { id: first.result.id! } });
      expect(after.updatedAt.getTime()).toBe(stored.updatedAt.getTime());
      expect(after.version).toBe(1);

      // A colleague at the same agency changes it: contributedBy names the last writer,
      // contributedAt stays the first contribution.
      const colleague = await hub.token({ agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation", subject: "officer:polda-2" });
      const changed = await kase(colleague, { ...input, status: "FollowUp" });
      expect(changed.result).toMatchObject({ status: "UPDATED", version: 2, id: first.result.id });
      const updated = await hub.db.prisma.case.findUniqueOrThrow({ where: { id: first.result.id! } });
      expect(updated).toMatchObject({ status: "FollowUp", contributedBy: "officer:polda-2", sourceAgency: "POLDA-KALBAR" });
      expect(updated.contributedAt.getTime()).toBe(stored.contributedAt.getTime());
      expect(updated.updatedAt.getTime()).toBeGreaterThan(stored.updatedAt.getTime());
    });

    it("rejects a stale expectedVersion with VERSION_CONFLICT and the current version, writing nothing", async () => {
      const input: CaseInput = { externalId: uid("LP"), sourceSystem: "EMP", title: "v1" };
      const created = await kase(tok.polda, { ...input, expectedVersion: 0 });
      expect(created.result).toMatchObject({ status: "CREATED", version: 1 });
      expect((await kase(tok.polda, { ...input, title: "v2", expectedVersion: 1 })).result).toMatchObject({ status: "UPDATED", version: 2 });

      const stale = await kase(tok.polda, { ...input, title: "v3 from a stale copy", expectedVersion: 1 });
      expect(stale.result).toMatchObject({ status: "REJECTED", id: null, version: null, currentVersion: 2 });
      expect(errorKeys(stale.result)).toEqual(["expectedVersion:VERSION_CONFLICT"]);
      expect(stale.record).toBeNull();
      const row = await hub.db.prisma.case.findUniqueOrThrow({ where: { id: created.result.id! } });
      expect(row).toMatchObject({ title: "v2", version: 2 });

      // 0 = "must not exist yet"; a version for a record that does not exist is a conflict too.
      expect((await kase(tok.polda, { ...input, expectedVersion: 0 })).result).toMatchObject({ status: "REJECTED", currentVersion: 2 });
      const ghost = await kase(tok.polda, { externalId: uid("LP"), sourceSystem: "EMP", expectedVersion: 3 });
      expect(ghost.result).toMatchObject({ status: "REJECTED", currentVersion: null });
      expect(errorKeys(ghost.result)).toEqual(["expectedVersion:VERSION_CONFLICT"]);
    });
  });

  describe("ownership", () => {
    it("keys upserts by the caller's own agency: another agency's record is never overwritten", async () => {
      const externalId = uid("LP");
      const polda = await kase(tok.polda, { externalId, sourceSystem: "EMP", title: "Polda's case", status: "Active" });
      // Polres uses the same externalId, even with Polda's current version: it gets its own record.
      const polres = await kase(tok.polres, { externalId, sourceSystem: "EMP", title: "Polres' case", status: "Closed", closedAt: "2026-05-01", expectedVersion: 0 });
      expect(polres.result.status).toBe("CREATED");
      expect(polres.result.id).not.toBe(polda.result.id);
      const poldaRow = await hub.db.prisma.case.findUniqueOrThrow({ where: { id: polda.result.id! } });
      expect(poldaRow).toMatchObject({ title: "Polda's case", status: "Active", version: 1, sourceAgency: "POLDA-KALBAR", contributedBy: "officer:polda" });
      expect(await hub.db.prisma.case.count({ where: { externalId } })).toBe(2);
    });

    it("takes sourceAgency and contributedBy from the token only", async () => {
      const externalId = uid("LP");
      // No such input field: the document is refused before anything runs.
      const forged = await hub.gql(ContributeCaseDocument, {
        input: { externalId, sourceSystem: "EMP", sourceAgency: "POLDA-KALBAR" } as CaseInput,
      }, { token: tok.polres });
      expect(forged.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      // Headers do not change the principal either.
      const r = await hub.gql(ContributeCaseDocument, { input: { externalId, sourceSystem: "EMP" } }, { token: tok.polres, headers: { "x-agency": "POLDA-KALBAR", "x-user": "someone" } });
      const row = await hub.db.prisma.case.findUniqueOrThrow({ where: { id: data(r).contributeCase.result.id! } });
      expect(row).toMatchObject({ sourceAgency: "POLRES-SANGGAU", contributedBy: "officer:polres" });
    });

    it("lets an agency register only its own agency code", async () => {
      const own = await org(tok.dinsos, { externalId: "self", sourceSystem: "SIKS-NG", name: "Dinas Sosial Provinsi Kalimantan Barat", kind: "AGENCY", agencyType: "SOCIAL_SERVICES", code: "dinsos-kalbar-2" });
      expect(errorKeys(own.result)).toEqual(["code:NOT_PERMITTED"]);
      const hijack = await org(tok.bp3mi, { externalId: uid("ORG"), sourceSystem: "SISKOP2MI", name: "Polda", kind: "AGENCY", agencyType: "POLICE", code: "POLDA-KALBAR" });
      expect(hijack.result.status).toBe("REJECTED");
      expect(errorKeys(hijack.result)).toEqual(["code:NOT_PERMITTED"]);
    });
  });

  describe("every record type, linked across agencies", () => {
    it("BP3MI worker and placement, Polda case with victim, suspect and proceeding, Imigrasi crossing and repatriation, Dinsos referral, LTSA warning", async () => {
      // BP3MI: the P3MI company, and the worker known by NIK and passport.
      const p3mi = await org(tok.bp3mi, { externalId: "P3MI-0042", sourceSystem: "SISKOP2MI", name: "PT Sinar Jaya Abadi", kind: "P3MI", regionCode: "61.71", licenceNumber: "SIP3MI 0042/2024", licenceStatus: "SUSPENDED" });
      expect(p3mi.result.status).toBe("CREATED");
      const worker = await person(tok.bp3mi, {
        externalId: "PMI-2026-000123",
        sourceSystem: "SISKOP2MI",
        fullName: "Siti Aminah",
        sex: "Feminine",
        birthDate: "1999-05-12",
        nationality: ["ID"],
        originRegionCode: "61.03",
        documents: [
          { type: "NIK", number: NIK.sitiAminah },
          { type: "PASSPORT", number: "C1234567", issuingCountry: "ID" },
        ],
      });
      expect(worker.result).toMatchObject({ status: "CREATED", recordType: "Person", warnings: [] });
      expect(worker.record?.id).toBe(worker.result.id);
      const placement = data(
        await hub.gql(
          ContributeMigrantPlacementDocument,
          {
            input: {
              externalId: "SISKO-2026-0099812",
              sourceSystem: "SISKOP2MI",
              worker: { document: { type: "NIK", number: NIK.sitiAminah } },
              p3mi: { externalId: "P3MI-0042" },
              destinationCountry: "MY",
              destinationCity: "Kuching",
              jobTitle: "Pekerja kebun sawit",
              industry: "A_AgricultureForestryAndFishing",
              procedural: false,
              departureDate: "2026-02-01",
            },
          },
          { token: tok.bp3mi },
        ),
      ).contributeMigrantPlacement;
      expect(placement.result.status).toBe("CREATED");
      const placementRow = await hub.db.prisma.migrantPlacement.findUniqueOrThrow({ where: { id: placement.result.id! } });
      expect(placementRow).toMatchObject({ workerId: worker.result.id, p3miId: p3mi.result.id, procedural: false });

      // Polda: the case (assigned to itself and Dinsos), the suspect, the victim found via BP3MI's record.
      const dinsosOrg = await hub.db.prisma.organization.findUniqueOrThrow({ where: { code: "DINSOS-KALBAR" } });
      const theCase = await kase(tok.polda, {
        externalId: "LP/B/123/IV/2026/SPKT/POLDA KALBAR",
        sourceSystem: "EMP",
        modus: ["ILLEGAL_MIGRANT_WORKER_DISPATCH"],
        exploitationTypes: ["ForcedLabour"],
        forcedLabourIndustry: "A_AgricultureForestryAndFishing",
        controlMethods: ["WithholdsDocuments", "DebtBondage"],
        recruitmentApps: ["Facebook"],
        originRegionCode: "61.03",
        transitBorderPost: "PLBN_ENTIKONG",
        transitCountries: ["MY"],
        destinationCountry: "MY",
        exploitationStartedAt: "2026-02-03",
        exploitationEndedAt: "2026-03-10",
        identifiedAt: "2026-03-14",
        assignedOrganizations: [
          { organization: { sourceAgency: "GUGUS-TUGAS-KALBAR", externalId: "agency:POLDA-KALBAR" }, purpose: "INVESTIGATION" },
          { organization: { id: dinsosOrg.id }, purpose: "CASE_MANAGEMENT" },
        ],
      });
      expect(theCase.result.status).toBe("CREATED");
      expect(await hub.db.prisma.caseAssignment.count({ where: { caseId: theCase.result.id! } })).toBe(2);

      const suspect = await person(tok.polda, { externalId: "TSK-1", sourceSystem: "EMP", fullName: "Budi Santoso", sex: "Masculine", documents: [{ type: "NIK", number: NIK.budi }] });
      const participant = async (vars: { input: CaseParticipantInput }) => data(await hub.gql(ContributeCaseParticipantDocument, vars, { token: tok.polda })).contributeCaseParticipant;
      const caseRef = { externalId: "LP/B/123/IV/2026/SPKT/POLDA KALBAR" };
      const victim = await participant({
        input: {
          externalId: "LP-123/KRB-1",
          sourceSystem: "EMP",
          case: caseRef,
          // By NIK: BP3MI's person record is not Polda's to name (references by another agency's key find only rows the caller may link to).
          person: { document: { type: "NIK", number: NIK.sitiAminah } },
          role: "VICTIM",
          traffickingStatus: "ActualVictimOfTrafficking",
          ageAtExploitation: 26,
          needs: ["SHELTER", "PSYCHOLOGICAL"],
          consentAgencies: ["DINSOS-KALBAR", "BP3MI-KALBAR"],
        },
      });
      expect(victim.result.status).toBe("CREATED");
      const suspectP = await participant({
        input: { externalId: "LP-123/TSK-1", sourceSystem: "EMP", case: caseRef, person: { id: suspect.result.id }, role: "SUSPECT", suspectRoles: ["RecruiterOrIntermediary"], suspectOrganization: { sourceAgency: "BP3MI-KALBAR", externalId: "P3MI-0042" } },
      });
      expect(suspectP.result.status).toBe("CREATED");
      const victimRow = await hub.db.prisma.caseParticipant.findUniqueOrThrow({ where: { id: victim.result.id! } });
      expect(victimRow).toMatchObject({ personId: worker.result.id, caseId: theCase.result.id, isChild: false, consentAgencies: ["BP3MI-KALBAR", "DINSOS-KALBAR"] });

      const proceeding = data(
        await hub.gql(
          ContributeLegalProceedingDocument,
          { input: { externalId: "EMP-BP-2026-0145", sourceSystem: "EMP", case: caseRef, policeReportNumber: "LP/B/123/IV/2026/SPKT/POLDA KALBAR", stage: "INVESTIGATION", stageDate: "2026-03-20", defendantName: "Budi Santoso" } },
          { token: tok.polda },
        ),
      ).contributeLegalProceeding;
      expect(proceeding.result.status).toBe("CREATED");

      // Imigrasi: the exit at Entikong, found by passport, linked to Polda's case.
      const crossing = data(
        await hub.gql(
          ContributeBorderCrossingDocument,
          {
            input: {
              externalId: "SIMKIM-ETK-20260201-0412",
              sourceSystem: "SIMKIM",
              person: { document: { type: "PASSPORT", number: "c 1234567", issuingCountry: "ID" } },
              case: { sourceAgency: "POLDA-KALBAR", externalId: "LP/B/123/IV/2026/SPKT/POLDA KALBAR" },
              direction: "EXIT",
              post: "PLBN_ENTIKONG",
              documentType: "PASSPORT",
              documentNumber: "C1234567",
              counterpartCountry: "MY",
              crossedAt: "2026-02-01T03:15:00Z",
            },
          },
          { token: tok.imigrasi },
        ),
      ).contributeBorderCrossing;
      expect(crossing.result).toMatchObject({ status: "CREATED", errors: [] });
      expect(await hub.db.prisma.borderCrossing.findUniqueOrThrow({ where: { id: crossing.result.id! } })).toMatchObject({ personId: worker.result.id, caseId: theCase.result.id });

      const shelter = await org(tok.dinsos, { externalId: "RPTC-PTK", sourceSystem: "SIKS-NG", name: "RPTC Pontianak", kind: "SHELTER", regionCode: "61.71" });
      const repatriation = data(
        await hub.gql(
          ContributeRepatriationDocument,
          {
            input: {
              externalId: "REP-2026-031",
              sourceSystem: "SIMKIM",
              person: { document: { type: "NIK", number: NIK.sitiAminah } },
              case: { sourceAgency: "POLDA-KALBAR", externalId: caseRef.externalId },
              fromCountry: "MY",
              arrivalPoint: "PLBN_ENTIKONG",
              arrivedAt: "2026-03-16",
              receivingOrganization: { sourceAgency: "DINSOS-KALBAR", externalId: "RPTC-PTK" },
            },
          },
          { token: tok.imigrasi },
        ),
      ).contributeRepatriation;
      expect(repatriation.result.status).toBe("CREATED");

      // Dinas Sosial: refers the victim (known via BP3MI) in Polda's case to the shelter.
      const ref = await referral(tok.dinsos, {
        externalId: "SIKS-RUJ-2026-0007",
        sourceSystem: "SIKS-NG",
        person: { document: { type: "NIK", number: NIK.sitiAminah } },
        case: { sourceAgency: "POLDA-KALBAR", externalId: caseRef.externalId }, // assigned to Dinsos by Polda: in its rows
        toOrganization: { id: shelter.result.id },
        serviceType: "SHELTER",
        status: "ACCEPTED",
        requestedAt: "2026-03-16T09:00:00Z",
        acceptedAt: "2026-03-16T11:30:00Z",
      });
      expect(ref.result.status).toBe("CREATED");
      expect(await hub.db.prisma.serviceReferral.findUniqueOrThrow({ where: { id: ref.result.id! } })).toMatchObject({
        personId: worker.result.id,
        caseId: theCase.result.id,
        fromOrganizationId: dinsosOrg.id, // defaulted to the caller's own organization
        toOrganizationId: shelter.result.id,
        status: "ACCEPTED",
      });

      const warning = data(
        await hub.gql(
          ContributeEarlyWarningReportDocument,
          { input: { externalId: "LTSA-PTK-2026-0311", sourceSystem: "LTSA-DESK", source: "LTSA", regionCode: "61.03", reportedAt: "2026-01-20T02:00:00Z", description: "Calo menawarkan kerja kebun sawit di Sarawak tanpa kontrak.", suspectedRecruiter: "Pak B", case: { sourceAgency: "POLDA-KALBAR", externalId: caseRef.externalId } } },
          { token: tok.ltsa },
        ),
      ).contributeEarlyWarningReport;
      expect(warning.result.status).toBe("CREATED");

      // Linking changed none of the linked records.
      const caseRow = await hub.db.prisma.case.findUniqueOrThrow({ where: { id: theCase.result.id! } });
      expect(caseRow.version).toBe(1);
      const stmt = await hub.db.prisma.personStatement.findUniqueOrThrow({ where: { sourceAgency_externalId: { sourceAgency: "BP3MI-KALBAR", externalId: "PMI-2026-000123" } } });
      expect(stmt.version).toBe(1);
    });
  });

  describe("validation", () => {
    it("reports NIK problems at the document's number, with exact codes", async () => {
      const r = await person(tok.bp3mi, {
        externalId: uid("PMI"),
        sourceSystem: "SISKOP2MI",
        fullName: "X",
        documents: [
          { type: "NIK", number: "6171011513990001" }, // month 13
          { type: "NIK", number: "6171015205990000" }, // serial 0000
          { type: "NIK", number: "12345" },
          { type: "PASSPORT", number: "123-ABC", issuingCountry: "ID" },
          { type: "NIK", number: NIK.budi, issuingCountry: "MY" },
        ],
      });
      expect(r.result.status).toBe("REJECTED");
      expect(errorKeys(r.result)).toEqual(["documents.0.number:NIK_BIRTHDATE", "documents.1.number:NIK_SERIAL", "documents.2.number:NIK_FORMAT", "documents.3.number:INVALID_FORMAT", "documents.4.issuingCountry:INCONSISTENT"]);
      expect(r.record).toBeNull();
    });

    it("rejects a NIK whose kabupaten/kota is not a known kode wilayah", async () => {
      const before = await rowCounts(hub);
      const r = await person(tok.bp3mi, { externalId: uid("PMI"), sourceSystem: "SISKOP2MI", fullName: "X", documents: [{ type: "NIK", number: "6199015205990001" }] });
      expect(errorKeys(r.result)).toEqual(["documents.0.number:NIK_REGION"]);
      expect(await rowCounts(hub)).toEqual(before);
    });

    it("flags, but stores, a NIK that disagrees with the recorded sex and birth date", async () => {
      const r = await person(tok.polda, { externalId: uid("TSK"), sourceSystem: "EMP", fullName: "Rahmat", sex: "Feminine", birthDate: "1985-12-02", documents: [{ type: "NIK", number: NIK.rahmat }] });
      expect(r.result.status).toBe("CREATED");
      expect(r.result.warnings.map((w) => `${w.path.join(".")}:${w.code}`).sort()).toEqual(["documents.0.number:NIK_BIRTHDATE_MISMATCH", "documents.0.number:NIK_SEX_MISMATCH"]);
      const doc = await hub.db.prisma.identityDocument.findFirstOrThrow({ where: { personId: r.result.id!, number: NIK.rahmat } });
      expect(doc.flags.sort()).toEqual(["NIK_BIRTHDATE_MISMATCH", "NIK_SEX_MISMATCH"]);
    });

    it("checks case dates, regions, countries and vocabulary consistency", async () => {
      const r = await kase(tok.polda, {
        externalId: uid("LP"),
        sourceSystem: "EMP",
        exploitationStartedAt: "2025-06-01",
        exploitationEndedAt: "2025-01-01",
        identifiedAt: "2099-01-01",
        destinationCountry: "XX",
        transitCountries: ["MY", "ZZ"],
        sexExploitationTypes: ["Prostitution"],
        exploitationTypes: ["ForcedLabour"],
        closureReason: "not closed",
      });
      // Vocabulary and country problems do not hide the cross-field ones: all come back at once.
      expect(errorKeys(r.result)).toEqual([
        "closureReason:NOT_APPLICABLE",
        "destinationCountry:UNKNOWN_COUNTRY",
        "exploitationEndedAt:DATE_ORDER",
        "identifiedAt:DATE_IN_FUTURE",
        "sexExploitationTypes:INCONSISTENT",
        "transitCountries.1:UNKNOWN_COUNTRY",
      ]);
      expect(r.result.errors.find((e) => e.code === "DATE_ORDER")?.message).toBe("exploitationEndedAt must not be before exploitationStartedAt.");
      const r3 = await kase(tok.polda, { externalId: uid("LP"), sourceSystem: "EMP", originRegionCode: "61.99", recruitmentRegionCode: "6103" });
      expect(errorKeys(r3.result)).toEqual(["recruitmentRegionCode:INVALID_FORMAT"]);
      const r4 = await kase(tok.polda, { externalId: uid("LP"), sourceSystem: "EMP", originRegionCode: "61.99", assignedOrganizations: [{ organization: { externalId: "no-such-org" }, purpose: "INVESTIGATION" }] });
      expect(errorKeys(r4.result)).toEqual(["assignedOrganizations.0.organization:NOT_FOUND", "originRegionCode:UNKNOWN_REGION"]);
    });

    it("checks participants: age range, role-specific fields, references that exist", async () => {
      const caseExt = uid("LP");
      await kase(tok.polda, { externalId: caseExt, sourceSystem: "EMP" });
      const send = async (input: CaseParticipantInput) =>
        data(await hub.gql(ContributeCaseParticipantDocument, { input }, { token: tok.polda })).contributeCaseParticipant.result;
      const base = { sourceSystem: "EMP", case: { externalId: caseExt }, person: { document: { type: "NIK" as const, number: NIK.sitiAminah } } };
      expect(errorKeys(await send({ ...base, externalId: uid("P"), role: "VICTIM", ageAtExploitation: 130 }))).toEqual(["ageAtExploitation:OUT_OF_RANGE"]);
      expect(errorKeys(await send({ ...base, externalId: uid("P"), role: "SUSPECT", needs: ["SHELTER"], traffickingStatus: "PossibleVictimOfTrafficking" }))).toEqual([
        "needs:NOT_APPLICABLE",
        "traffickingStatus:NOT_APPLICABLE",
      ]);
      expect(errorKeys(await send({ ...base, externalId: uid("P"), role: "VICTIM", suspectRoles: ["Smuggler"] }))).toEqual(["suspectRoles:NOT_APPLICABLE"]);
      const missing = await send({ ...base, externalId: uid("P"), role: "WITNESS", case: { sourceAgency: "POLRES-SANGGAU", externalId: "LP-DOES-NOT-EXIST" }, person: { id: "00000000-0000-0000-0000-000000000000" } });
      expect(errorKeys(missing)).toEqual(["case:NOT_FOUND", "person:NOT_FOUND"]);
      expect(missing.errors.find((e) => e.path[0] === "case")?.message).toBe("No case with externalId LP-DOES-NOT-EXIST of POLRES-SANGGAU.");
      const twoForms = await send({ ...base, externalId: uid("P"), role: "WITNESS", person: { id: "x", document: { type: "NIK", number: NIK.sitiAminah } } });
      expect(errorKeys(twoForms)).toEqual(["person:INVALID_REFERENCE"]);
    });

    it("derives isChild from ageAtExploitation; it cannot be sent", async () => {
      const caseExt = uid("LP");
      await kase(tok.polda, { externalId: caseExt, sourceSystem: "EMP" });
      await person(tok.polda, { externalId: uid("KRB"), sourceSystem: "EMP", fullName: "Dewi", documents: [{ type: "NIK", number: NIK.dewi }] });
      const input = { externalId: uid("P"), sourceSystem: "EMP", case: { externalId: caseExt }, person: { document: { type: "NIK" as const, number: NIK.dewi } }, role: "VICTIM" as const, ageAtExploitation: 16 };
      const child = data(await hub.gql(ContributeCaseParticipantDocument, { input }, { token: tok.polda })).contributeCaseParticipant.result;
      expect(await hub.db.prisma.caseParticipant.findUniqueOrThrow({ where: { id: child.id! } })).toMatchObject({ ageAtExploitation: 16, isChild: true });
      const adult = data(await hub.gql(ContributeCaseParticipantDocument, { input: { ...input, ageAtExploitation: 18 } }, { token: tok.polda })).contributeCaseParticipant.result;
      expect(adult).toMatchObject({ status: "UPDATED", version: 2 });
      expect(await hub.db.prisma.caseParticipant.findUniqueOrThrow({ where: { id: child.id! } })).toMatchObject({ isChild: false });
      const sent = await hub.gql(ContributeCaseParticipantDocument, { input: { ...input, isChild: true } as typeof input }, { token: tok.polda });
      expect(sent.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    });

    it("keeps referral status and timestamps consistent, and only moves forward", async () => {
      const shelter = await org(tok.dinsos, { externalId: uid("SHELTER"), sourceSystem: "SIKS-NG", name: "Rumah Aman", kind: "SHELTER" });
      const base: ServiceReferralInput = {
        externalId: uid("RUJ"),
        sourceSystem: "SIKS-NG",
        person: { document: { type: "NIK", number: NIK.sitiAminah } },
        toOrganization: { id: shelter.result.id },
        serviceType: "PSYCHOLOGICAL",
        requestedAt: "2026-04-01T08:00:00Z",
      };
      expect(errorKeys((await referral(tok.dinsos, { ...base, status: "COMPLETED", acceptedAt: "2026-04-02T08:00:00Z" })).result)).toEqual(["completedAt:REQUIRED", "startedAt:REQUIRED"]);
      expect(errorKeys((await referral(tok.dinsos, { ...base, status: "ACCEPTED", acceptedAt: "2026-03-30T08:00:00Z" })).result)).toEqual(["acceptedAt:DATE_ORDER"]);
      expect(errorKeys((await referral(tok.dinsos, { ...base, status: "REQUESTED", declineReason: "full" })).result)).toEqual(["declineReason:NOT_APPLICABLE"]);
      const done = { ...base, status: "COMPLETED" as const, acceptedAt: "2026-04-01T09:00:00Z", startedAt: "2026-04-02T09:00:00Z", completedAt: "2026-04-20T09:00:00Z" };
      expect((await referral(tok.dinsos, done)).result).toMatchObject({ status: "CREATED", version: 1 });
      const back = await referral(tok.dinsos, { ...base, status: "IN_PROGRESS", acceptedAt: done.acceptedAt, startedAt: done.startedAt });
      expect(errorKeys(back.result)).toEqual(["status:INVALID_TRANSITION"]);
    });

    it("checks organization kinds of references", async () => {
      const shelter = await org(tok.dinsos, { externalId: uid("SHELTER"), sourceSystem: "SIKS-NG", name: "Shelter", kind: "SHELTER" });
      const r = data(
        await hub.gql(
          ContributeMigrantPlacementDocument,
          { input: { externalId: uid("SISKO"), sourceSystem: "SISKOP2MI", worker: { document: { type: "NIK", number: NIK.sitiAminah } }, p3mi: { id: shelter.result.id }, destinationCountry: "MY", procedural: true, departureDate: "2026-05-01", returnDate: "2026-04-01" } },
          { token: tok.bp3mi },
        ),
      ).contributeMigrantPlacement.result;
      expect(errorKeys(r)).toEqual(["returnDate:DATE_ORDER"]);
      const r2 = data(
        await hub.gql(
          ContributeMigrantPlacementDocument,
          { input: { externalId: uid("SISKO"), sourceSystem: "SISKOP2MI", worker: { document: { type: "NIK", number: NIK.sitiAminah } }, p3mi: { id: shelter.result.id }, destinationCountry: "MY", procedural: true } },
          { token: tok.bp3mi },
        ),
      ).contributeMigrantPlacement.result;
      expect(errorKeys(r2)).toEqual(["p3mi:WRONG_KIND"]);
    });

    it("checks crossings: time not in the future, document pairs, and the early-warning region", async () => {
      const r = data(
        await hub.gql(
          ContributeBorderCrossingDocument,
          { input: { externalId: uid("SIMKIM"), sourceSystem: "SIMKIM", person: { document: { type: "NIK", number: NIK.sitiAminah } }, direction: "ENTRY", post: "OTHER", documentNumber: "C1234567", crossedAt: new Date(Date.now() + 3600_000).toISOString(), deportation: true } },
          { token: tok.imigrasi },
        ),
      ).contributeBorderCrossing.result;
      expect(errorKeys(r)).toEqual(["crossedAt:DATE_IN_FUTURE", "documentType:REQUIRED", "postName:REQUIRED"]);
      const w = data(
        await hub.gql(ContributeEarlyWarningReportDocument, { input: { externalId: uid("LTSA"), sourceSystem: "LTSA-DESK", source: "COMMUNITY", regionCode: "64.99", reportedAt: "2026-01-01T00:00:00Z", description: " " } }, { token: tok.ltsa }),
      ).contributeEarlyWarningReport.result;
      expect(errorKeys(w)).toEqual(["description:OUT_OF_RANGE"]);
      const w2 = data(
        await hub.gql(ContributeEarlyWarningReportDocument, { input: { externalId: uid("LTSA"), sourceSystem: "LTSA-DESK", source: "COMMUNITY", regionCode: "64.99", reportedAt: "2026-01-01T00:00:00Z", description: "ok" } }, { token: tok.ltsa }),
      ).contributeEarlyWarningReport.result;
      expect(errorKeys(w2)).toEqual(["regionCode:UNKNOWN_REGION"]);
    });

    it("validates proceedings: verdict fields only from VERDICT on, restitution as digits", async () => {
      const caseExt = uid("LP");
      await kase(tok.polda, { externalId: caseExt, sourceSystem: "EMP" });
      const send = async (input: LegalProceedingInput) =>
        data(await hub.gql(ContributeLegalProceedingDocument, { input }, { token: tok.polda })).contributeLegalProceeding.result;
      expect(errorKeys(await send({ externalId: uid("BP"), sourceSystem: "EMP", case: { externalId: caseExt }, stage: "TRIAL", sentenceMonths: 48 }))).toEqual(["sentenceMonths:NOT_APPLICABLE"]);
      expect(errorKeys(await send({ externalId: uid("BP"), sourceSystem: "EMP", case: { externalId: caseExt }, stage: "VERDICT", restitutionAmount: "Rp 150.000.000" }))).toEqual(["restitutionAmount:INVALID_FORMAT"]);
      const ok = await send({ externalId: uid("BP"), sourceSystem: "EMP", case: { externalId: caseExt }, stage: "VERDICT", verdict: "Terbukti bersalah (Pasal 4 UU 21/2007)", verdictDate: "2026-09-01", sentenceMonths: 72, restitutionAmount: "150000000" });
      expect(ok.status).toBe("CREATED");
      expect((await hub.db.prisma.legalProceeding.findUniqueOrThrow({ where: { id: ok.id! } })).restitutionAmount).toBe(150000000n);
    });
  });

  describe("audit", () => {
    it("writes one entry per record outcome, with field names and never values", async () => {
      const externalId = uid("LP");
      const before = await hub.db.prisma.auditEntry.count({ where: { action: "WRITE", recordType: "Case" } });
      const created = await kase(tok.polda, { externalId, sourceSystem: "EMP", title: "Rahasia: korban anak" });
      await kase(tok.polda, { externalId, sourceSystem: "EMP", destinationCountry: "XX" });
      const entries = await hub.db.prisma.auditEntry.findMany({ where: { action: "WRITE", recordType: "Case" }, orderBy: { seq: "asc" }, skip: before });
      expect(entries.map((e) => e.decision)).toEqual(["CREATED", "REJECTED"]);
      expect(entries[0]).toMatchObject({ agency: "POLDA-KALBAR", recordIds: [created.result.id] });
      expect(entries[0]!.fields).toEqual(expect.arrayContaining(["title", "status"]));
      expect(JSON.stringify(entries, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("Rahasia");
    });
  });
});
