// /desk: the LTSA officer's counter page. Look a person up by NIK or passport, see what the hub
// may show this officer (masked values marked as such, never unmasked here), the placements'
// legality and a verdict with its reasons, earlier warnings; file an early-warning report; refer
// the person to a service and follow the referral. Everything through the public GraphQL API.
import { useEffect, useId, useState, type FormEvent, type ReactNode } from "react";
import { ApiError, graphql, type GraphQLResponse } from "../shared/api";
import { useLang, useToken } from "../shared/hooks";
import { getLang } from "../shared/i18n";
import { PageShell } from "../shared/PageShell";
import { SignIn } from "../shared/SignIn";
import { closuresFor } from "../../src/domain/placement-rules.ts";
import { deskRecordId, localDateTime, normaliseDocument, validateWarning, warningInput, type FieldProblems, type WarningDraft, type WarningField } from "./forms";
import { t, type DeskKey } from "./messages";
import { FILE_WARNING, LOOKUP, RECIPIENTS, REFER, WARNINGS, type ContributionResult, type Organization, type Person, type Placement, type Warning } from "./queries";
import { deskVerdict, type Reason, type Verdict } from "./verdict";
import { LEGAL_BASES } from "../../src/domain/placement-rules.ts";

type DocType = "NIK" | "PASSPORT";

/** Paths the hub reported as masked (`extensions.masked`), e.g. "persons.0.documents.1.number". */
function maskedPathsOf(res: GraphQLResponse<unknown>): Set<string> {
  const masked = (res as { extensions?: { masked?: unknown } }).extensions?.masked;
  return new Set(Array.isArray(masked) ? masked.filter((m): m is string => typeof m === "string") : []);
}

/** A value as the hub sent it; marked visibly and for screen readers when the hub masked it. */
function Value({ value, masked }: { value: ReactNode; masked: boolean }) {
  if (value === null || value === undefined || value === "") return <span className="muted">{t("unknown")}</span>;
  if (!masked) return <>{value}</>;
  return (
    <span className="masked" data-masked="true" title={t("masked")}>
      {value}
      <small className="masked-label"> ({t("masked")})</small>
    </span>
  );
}

const LEVEL_CLASS = { AMAN: "ok", PERLU_DICEK: "warn", BERISIKO: "bad" } as const;
const SEVERITY_CLASS = { ok: "ok", check: "warn", risk: "bad", note: "note" } as const;
const SEVERITY_MARK = { ok: "✓", check: "?", risk: "!", note: "i" } as const;

/** A country's name in the page's language ("SA" -> "Arab Saudi"), the code when unknown. */
function countryName(code: string | null | undefined): string {
  if (!code) return "";
  try {
    return new Intl.DisplayNames([getLang()], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

function reasonText(r: Reason): string {
  const params = { ...r.params };
  if (typeof params.country === "string") params.country = `${countryName(params.country)} (${params.country})`;
  if (typeof params.status === "string") params.status = t(`licence.${params.status}` as DeskKey);
  return t(`reason.${r.code}` as DeskKey, params);
}

function VerdictPanel({ verdict }: { verdict: Verdict }) {
  return (
    <section className="panel" aria-labelledby="verdict-title" data-testid="verdict" data-level={verdict.level}>
      <h2 id="verdict-title">
        {t("verdict.title")}:{" "}
        <span className={`badge ${LEVEL_CLASS[verdict.level]}`} data-testid="verdict-level">
          {t(`verdict.${verdict.level}`)}
        </span>
      </h2>
      <ul className="reasons">
        {verdict.reasons.map((r, i) => (
          <li key={i} data-reason={r.code}>
            <span className={`badge ${SEVERITY_CLASS[r.severity]}`}>{SEVERITY_MARK[r.severity]}</span> {reasonText(r)}
            {r.basis && (r.severity === "check" || r.severity === "risk") ? <span className="help"> {t("verdict.basis", { citation: LEGAL_BASES[r.basis].citation })}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PersonPanel({ person, index, masked }: { person: Person; index: number; masked: Set<string> }) {
  const m = (path: string) => masked.has(`persons.${index}.${path}`);
  return (
    <section className="panel" aria-labelledby={`person-${index}`}>
      <h2 id={`person-${index}`}>{t("person.title")}</h2>
      {person.identityProtected ? <p className="help">{t("person.protected")}</p> : null}
      <dl className="facts">
        <dt>{t("person.fullName")}</dt>
        <dd data-field="fullName"><Value value={person.fullName} masked={m("fullName")} /></dd>
        {person.aliases?.length ? (
          <>
            <dt>{t("person.aliases")}</dt>
            <dd><Value value={person.aliases.join(", ")} masked={m("aliases")} /></dd>
          </>
        ) : null}
        <dt>{t("person.birthDate")}</dt>
        <dd data-field="birthDate"><Value value={m("birthDate") ? person.birthDate?.slice(0, 4) : person.birthDate} masked={m("birthDate")} /></dd>
        <dt>{t("person.sex")}</dt>
        <dd><Value value={person.sex ? t(`sex.${person.sex}` as DeskKey) : null} masked={false} /></dd>
        <dt>{t("person.nationality")}</dt>
        <dd><Value value={person.nationality?.join(", ")} masked={false} /></dd>
        <dt>{t("person.origin")}</dt>
        <dd><Value value={person.originRegion ? `${person.originRegion.name} (${person.originRegion.code})` : null} masked={false} /></dd>
        <dt>{t("person.documents")}</dt>
        <dd>
          <ul className="plain">
            {(person.documents ?? []).map((d, i) => (
              <li key={d.id} data-field="document" data-type={d.type}>
                {t(`doc.${d.type}` as DeskKey)}: <Value value={d.number} masked={m(`documents.${i}.number`)} />
                {d.issuingCountry && d.type === "PASSPORT" ? ` (${d.issuingCountry})` : ""}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {masked.size ? <p className="help">{t("masked.note")}</p> : null}
    </section>
  );
}

function PlacementsTable({ placements, index, masked }: { placements: Placement[]; index: number; masked: Set<string> }) {
  if (!placements.length) return <p>{t("placements.none")}</p>;
  return (
    // Focusable and named, so a keyboard user can scroll it sideways on a phone.
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`placements-${index}`}>
      <table>
        <caption className="visually-hidden">{t("placements.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("placements.destination")}</th>
            <th scope="col">{t("placements.job")}</th>
            <th scope="col">{t("placements.p3mi")}</th>
            <th scope="col">{t("placements.registered")}</th>
            <th scope="col">{t("placements.open")}</th>
            <th scope="col">{t("placements.dates")}</th>
          </tr>
        </thead>
        <tbody>
          {placements.map((p, i) => {
            const closed = closuresFor(p).length > 0;
            const licence = p.p3mi?.licenceStatus;
            return (
              <tr key={p.id} data-placement={p.id}>
                <td>{[p.destinationCity, p.destinationCountry ? `${countryName(p.destinationCountry)} (${p.destinationCountry})` : null].filter(Boolean).join(", ") || t("unknown")}</td>
                <td>{p.jobTitle ?? t("unknown")}</td>
                <td>
                  {p.p3mi ? (
                    <>
                      {p.p3mi.name} <br />
                      <span className={`badge ${licence === "ACTIVE" ? "ok" : licence ? "bad" : "warn"}`}>{licence ? t(`licence.${licence}` as DeskKey) : t("unknown")}</span>{" "}
                      <span className="help">{p.p3mi.licenceNumber}</span>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  {p.procedural === null ? t("unknown") : p.procedural ? t("yes") : t("no")}
                  {p.idPmi ? (
                    <>
                      <br />
                      <span className="help">ID PMI <Value value={p.idPmi} masked={masked.has(`persons.${index}.placements.${i}.idPmi`)} /></span>
                    </>
                  ) : null}
                </td>
                <td>
                  <span className={`badge ${p.destinationCountry ? (closed ? "bad" : "ok") : "warn"}`}>{p.destinationCountry ? t(closed ? "closed" : "open") : t("unknown")}</span>
                </td>
                <td>
                  {p.departureDate ?? "?"} / {p.returnDate ?? "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function WarningsList({ warnings, region }: { warnings: Warning[] | null; region: string | null }) {
  return (
    <section className="panel" aria-labelledby="warnings-title">
      <h2 id="warnings-title">{t("warnings.title")}</h2>
      {region ? <p className="help">{t("warnings.scope", { region })}</p> : null}
      {!warnings?.length ? (
        <p>{t("warnings.none")}</p>
      ) : (
        <ul className="plain" data-testid="warnings">
          {warnings.map((w) => (
            <li key={w.id}>
              <strong>{w.reportedAt?.slice(0, 10)}</strong> · {w.region?.name} ({w.region?.code}) · {t(`source.${w.source}` as DeskKey)} ·{" "}
              <span className={`badge ${w.status === "CLOSED" ? "ok" : "warn"}`}>{t(`status.${w.status}` as DeskKey)}</span>
              {w.description ? <p>{w.description}</p> : null}
              {w.suspectedRecruiter ? (
                <p className="help">
                  {t("warnings.recruiter")}: {w.suspectedRecruiter}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A labelled form field with its help and error, wired for screen readers. */
function Field({ label, help, error, children }: { label: string; help?: string; error?: string | null; children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactNode }) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {help ? <p id={helpId} className="help">{help}</p> : null}
      {children({ id, describedBy, invalid: Boolean(error) })}
      {error ? (
        <p id={errorId} className="error" data-error-for={label}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The hub's field error in the officer's language, with the hub's own (English) words and code. */
export function serverMessage(e: ContributionResult["errors"][number]): string {
  const key = `server.${e.code}` as DeskKey;
  const local = t(key);
  return local === key ? `${e.message} (${e.code})` : `${local} ${e.message} (${e.code})`;
}

/** Server field errors by input field (path[0]), shown next to that field. */
function serverProblems<F extends string>(errors: ContributionResult["errors"]): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const e of errors) {
    const field = (e.path[0] ?? "_") as F;
    out[field] = serverMessage(e);
  }
  return out;
}

function WarningForm({ token, defaultRegion, onFiled }: { token: string; defaultRegion: string; onFiled: () => void }) {
  const [draft, setDraft] = useState<WarningDraft>(() => ({ source: "LTSA", regionCode: defaultRegion, reportedAt: localDateTime(new Date()), description: "", suspectedRecruiter: "" }));
  const [problems, setProblems] = useState<FieldProblems<WarningField>>({});
  const [server, setServer] = useState<Partial<Record<string, string>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft((d) => ({ ...d, regionCode: d.regionCode || defaultRegion })), [defaultRegion]);
  const set = (k: WarningField) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  const err = (k: WarningField) => (problems[k] ? t(problems[k]!.key, problems[k]!.vars) : (server[k] ?? null));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setServer({});
    const found = validateWarning(draft, new Date());
    setProblems(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const externalId = deskRecordId("EW", new Date());
      const res = await graphql<{ contributeEarlyWarningReport: { result: ContributionResult } | null }>(FILE_WARNING, { input: warningInput(draft, externalId) }, token);
      const result = res.data?.contributeEarlyWarningReport?.result;
      if (!result) throw new ApiError(res.errors?.[0]?.message ?? "?", 200, res.errors?.[0]?.extensions?.code);
      if (result.status === "REJECTED") {
        setServer(serverProblems(result.errors));
        setStatus(t("ew.rejected"));
      } else {
        setStatus(t("ew.sent", { status: result.status, externalId: result.externalId ?? externalId }));
        setDraft({ ...draft, description: "", suspectedRecruiter: "" });
        onFiled();
      }
    } catch (x) {
      setStatus(t("error.api", { message: (x as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="ew-title">
      <h2 id="ew-title">{t("ew.title")}</h2>
      <form onSubmit={submit} noValidate data-testid="warning-form">
        <div className="grid">
          <Field label={t("ew.source")} error={err("source")}>
            {({ id, describedBy, invalid }) => (
              <select id={id} name="source" value={draft.source} onChange={set("source")} aria-describedby={describedBy} aria-invalid={invalid}>
                {(["LTSA", "COMMUNITY", "NGO", "AGENCY"] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`source.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("ew.regionCode")} help={t("ew.regionHelp")} error={err("regionCode")}>
            {({ id, describedBy, invalid }) => <input id={id} name="regionCode" value={draft.regionCode} onChange={set("regionCode")} aria-describedby={describedBy} aria-invalid={invalid} inputMode="decimal" autoComplete="off" />}
          </Field>
          <Field label={t("ew.reportedAt")} error={err("reportedAt")}>
            {({ id, describedBy, invalid }) => <input id={id} name="reportedAt" type="datetime-local" value={draft.reportedAt} onChange={set("reportedAt")} aria-describedby={describedBy} aria-invalid={invalid} />}
          </Field>
          <Field label={t("ew.suspectedRecruiter")} error={err("suspectedRecruiter")}>
            {({ id, describedBy, invalid }) => <input id={id} name="suspectedRecruiter" value={draft.suspectedRecruiter} onChange={set("suspectedRecruiter")} aria-describedby={describedBy} aria-invalid={invalid} autoComplete="off" />}
          </Field>
        </div>
        <Field label={t("ew.description")} help={t("ew.descriptionHelp")} error={err("description")}>
          {({ id, describedBy, invalid }) => <textarea id={id} name="description" rows={4} value={draft.description} onChange={set("description")} aria-describedby={describedBy} aria-invalid={invalid} />}
        </Field>
        <button type="submit" disabled={busy}>
          {t("ew.submit")}
        </button>
        <p role="status" data-testid="warning-status">
          {status}
        </p>
      </form>
    </section>
  );
}

const SERVICES = ["SHELTER", "MEDICAL", "LEGAL_AID"] as const;
type Service = (typeof SERVICES)[number];

/** Who provides which service among the organizations the hub lists. */
function providersFor(service: Service, orgs: Organization[]): Organization[] {
  return orgs.filter((o) =>
    service === "SHELTER" ? o.kind === "SHELTER" || o.agencyType === "SOCIAL_SERVICES" : service === "MEDICAL" ? o.kind === "HEALTH_SERVICE" : o.agencyType === "LEGAL_AID" || o.kind === "NGO",
  );
}

function ReferralPanel({ token, person, doc, onReferred }: { token: string; person: Person; doc: { type: DocType; number: string }; onReferred: () => void }) {
  const [orgs, setOrgs] = useState<Organization[]>([]);
  const [service, setService] = useState<Service>("SHELTER");
  const [to, setTo] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    graphql<{ providers: { edges: { node: Organization }[] } | null; agencies: { edges: { node: Organization }[] } | null }>(RECIPIENTS, {}, token)
      .then((res) => setOrgs([...(res.data?.providers?.edges ?? []), ...(res.data?.agencies?.edges ?? [])].map((e) => e.node)))
      .catch((x: Error) => setStatus(t("error.api", { message: x.message })));
  }, [token]);
  const choices = providersFor(service, orgs);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    if (!to) return setProblem(t("v.required"));
    setProblem(null);
    setBusy(true);
    try {
      const input = {
        externalId: deskRecordId("RUJ", new Date()),
        sourceSystem: "LTSA-DESK",
        // By the document the officer typed: the desk never holds the person's numbers in clear otherwise.
        person: { document: { type: doc.type, number: doc.number } },
        toOrganization: { id: to },
        serviceType: service,
        requestedAt: new Date().toISOString(),
      };
      const res = await graphql<{ contributeServiceReferral: { result: ContributionResult } | null }>(REFER, { input }, token);
      const result = res.data?.contributeServiceReferral?.result;
      if (!result) throw new ApiError(res.errors?.[0]?.message ?? "?", 200, undefined);
      if (result.status === "REJECTED") setProblem(result.errors.map(serverMessage).join(" "));
      else {
        setStatus(t("ref.sent", { status: t("rstatus.REQUESTED") }));
        onReferred();
      }
    } catch (x) {
      setStatus(t("error.api", { message: (x as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="ref-title">
      <h2 id="ref-title">{t("ref.title")}</h2>
      <p className="help">{t("ref.help", { doc: t(`doc.${doc.type}`) })}</p>
      <form onSubmit={submit} noValidate data-testid="referral-form">
        <div className="grid">
          <Field label={t("ref.service")}>
            {({ id }) => (
              <select id={id} name="serviceType" value={service} onChange={(e) => (setService(e.target.value as Service), setTo(""))}>
                {SERVICES.map((s) => (
                  <option key={s} value={s}>
                    {t(`service.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("ref.to")} error={problem}>
            {({ id, describedBy, invalid }) => (
              <select id={id} name="toOrganization" value={to} onChange={(e) => setTo(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid}>
                <option value="">{t("choose")}</option>
                {choices.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <button type="submit" disabled={busy}>
          {t("ref.submit")}
        </button>
        <p role="status">{status}</p>
      </form>
      <h3>{t("ref.list")}</h3>
      {!person.referrals?.length ? (
        <p>{t("ref.none")}</p>
      ) : (
        <ul className="plain" data-testid="referrals">
          {person.referrals.map((r) => (
            <li key={r.id} data-referral-status={r.status}>
              {t(`service.${r.serviceType}` as DeskKey)} → {r.toOrganization?.name ?? t("unknown")} ·{" "}
              <span className={`badge ${r.status === "DECLINED" ? "bad" : r.status === "REQUESTED" ? "warn" : "ok"}`}>{t(`rstatus.${r.status}` as DeskKey)}</span> · {t("ref.requested")} {r.requestedAt?.slice(0, 10)}
              {r.status === "REQUESTED" && r.daysWaiting !== null ? ` · ${t("ref.waiting", { days: r.daysWaiting })}` : ""}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="secondary" onClick={onReferred}>
        {t("ref.refresh")}
      </button>
    </section>
  );
}

interface LookupState {
  doc: { type: DocType; number: string };
  persons: Person[];
  masked: Set<string>;
  warnings: Warning[] | null;
  region: string | null;
  deniedFields: number;
}

/** Kecamatan (PP.KK.CC) of a region code at kecamatan level or below; null above it. */
const kecamatanOf = (code: string | undefined | null) => (code && code.length >= 8 ? code.slice(0, 8) : (code ?? null));

export function DeskPage() {
  useLang();
  const token = useToken();
  const [docType, setDocType] = useState<DocType>("NIK");
  const [number, setNumber] = useState("");
  const [inputProblem, setInputProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<LookupState | null>(null);

  async function lookup(doc: { type: DocType; number: string }) {
    if (!token) return;
    setBusy(true);
    setError(null);
    setFound(null);
    try {
      const res = await graphql<{ persons: Person[] | null }>(LOOKUP, doc, token);
      const persons = res.data?.persons ?? [];
      const region = kecamatanOf(persons[0]?.originRegion?.code);
      let warnings: Warning[] | null = null;
      if (region) {
        const w = await graphql<{ earlyWarningReports: { edges: { node: Warning }[] } | null }>(WARNINGS, { region }, token);
        warnings = w.data?.earlyWarningReports?.edges.map((e) => e.node) ?? null;
      }
      setFound({ doc, persons, masked: maskedPathsOf(res), warnings, region, deniedFields: res.errors?.length ?? 0 });
    } catch (x) {
      setFound(null);
      setError(t("error.api", { message: (x as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const normal = normaliseDocument(docType, number);
    if (!normal) return setInputProblem(t(docType === "NIK" ? "lookup.invalid.nik" : "lookup.invalid.passport"));
    setInputProblem(null);
    void lookup({ type: docType, number: normal });
  };

  const numberId = useId();
  const typeId = useId();
  return (
    <PageShell page="desk" title={t("title")}>
      <p>{t("intro")}</p>
      <SignIn />
      {!token ? (
        <p>{t("signin.first")}</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="lookup-title">
            <h2 id="lookup-title">{t("lookup.title")}</h2>
            <form onSubmit={submit} noValidate role="search" data-testid="lookup-form">
              <div className="row">
                <div className="field">
                  <label htmlFor={typeId}>{t("lookup.type")}</label>
                  <select id={typeId} name="type" value={docType} onChange={(e) => setDocType(e.target.value as DocType)}>
                    <option value="NIK">{t("doc.NIK")}</option>
                    <option value="PASSPORT">{t("doc.PASSPORT")}</option>
                  </select>
                </div>
                <div className="field grow">
                  <label htmlFor={numberId}>{t("lookup.number")}</label>
                  <input
                    id={numberId}
                    name="number"
                    value={number}
                    onChange={(e) => setNumber(e.target.value)}
                    autoComplete="off"
                    spellCheck={false}
                    aria-describedby={`${numberId}-help${inputProblem ? ` ${numberId}-error` : ""}`}
                    aria-invalid={Boolean(inputProblem)}
                  />
                  <p id={`${numberId}-help`} className="help">
                    {t("lookup.numberHelp")}
                  </p>
                  {inputProblem ? (
                    <p id={`${numberId}-error`} className="error">
                      {inputProblem}
                    </p>
                  ) : null}
                </div>
              </div>
              <button type="submit" disabled={busy}>
                {busy ? t("lookup.busy") : t("lookup.submit")}
              </button>
            </form>
            <div role="status" aria-live="polite" data-lookup={found ? `${found.doc.type}:${found.doc.number}` : undefined}>
              {error ? <p className="error">{error}</p> : null}
              {found && !found.persons.length ? <p data-testid="not-found">{t("lookup.none")}</p> : null}
              {found && found.persons.length > 1 ? <p className="error">{t("lookup.many", { n: found.persons.length })}</p> : null}
              {found?.deniedFields ? <p className="help">{t("error.field", { count: found.deniedFields })}</p> : null}
            </div>
          </section>
          {found?.persons.map((person, index) => {
            const placements = person.placements ?? [];
            const maskedPlacements = new Set(placements.filter((_, i) => [...found.masked].some((p) => p.startsWith(`persons.${index}.placements.${i}.`) && !p.endsWith(".idPmi"))).map((p) => p.id));
            const verdict = deskVerdict({ birthDate: person.birthDate, birthDateMasked: found.masked.has(`persons.${index}.birthDate`), placements, maskedPlacements, warnings: found.warnings ?? [] });
            return (
              <div key={person.id} data-testid="person" data-person={person.id}>
                <VerdictPanel verdict={verdict} />
                <div className="grid">
                  <PersonPanel person={person} index={index} masked={found.masked} />
                  <WarningsList warnings={found.warnings} region={found.region} />
                </div>
                <section className="panel" aria-labelledby={`placements-${index}`}>
                  <h2 id={`placements-${index}`}>{t("placements.title")}</h2>
                  <PlacementsTable placements={placements} index={index} masked={found.masked} />
                </section>
                <ReferralPanel token={token} person={person} doc={found.doc} onReferred={() => void lookup(found.doc)} />
              </div>
            );
          })}
          <WarningForm token={token} defaultRegion={found?.region ?? ""} onFiled={() => (found ? void lookup(found.doc) : undefined)} />
        </>
      )}
    </PageShell>
  );
}
