// The task-force dashboard: filters, then one section per statistics table. Each chart leaves
// out the filter of its own dimension (the trend shows every year, marking the chosen one), so
// it shows where the choice stands; every other filter applies. Every number is a cell of the
// `statistics` answer to the query named in the section, with the analyst's own token.
import { useId, useState } from "react";
import { useLang, useToken } from "../shared/hooks";
import { Bars, Count, Section, Status } from "./Bars";
import { EXPLOITATION_TYPES, t, valueLabel } from "./messages";
import { ReferralDelays } from "./ReferralDelays";
import { REGENCIES, RegionMap, type MapLevel } from "./RegionMap";
import { useStatistics, type StatsFilter } from "./stats";

type CaseMeasure = "CASES" | "VICTIMS";

interface Filters {
  measure: CaseMeasure;
  level: MapLevel;
  year: string;
  region: string;
  type: string;
}

const without = (f: StatsFilter, ...keys: (keyof StatsFilter)[]): StatsFilter => {
  const out = { ...f };
  for (const k of keys) delete out[k];
  return out;
};

export function Dashboard() {
  useLang();
  const token = useToken();
  const [filters, setFilters] = useState<Filters>({ measure: "CASES", level: "REGENCY", year: "", region: "", type: "" });
  const filter: StatsFilter = {
    ...(filters.year ? { year: Number(filters.year) } : {}),
    ...(filters.region ? { region: filters.region } : {}),
    ...(filters.type ? { exploitationType: filters.type } : {}),
  };
  const m = filters.measure;
  const years = useStatistics({ measure: "CASES", groupBy: ["YEAR"], filter: {} }, token);
  const total = useStatistics({ measure: m, groupBy: [], filter }, token);
  const map = useStatistics({ measure: m, groupBy: [filters.level], filter: without(filter, "region") }, token);
  const trend = useStatistics({ measure: m, groupBy: ["YEAR"], filter: without(filter, "year") }, token);
  const types = useStatistics({ measure: m, groupBy: ["EXPLOITATION_TYPE"], filter: without(filter, "exploitationType") }, token);
  const modus = useStatistics({ measure: m, groupBy: ["MODUS"], filter }, token);
  const dest = useStatistics({ measure: m, groupBy: ["DESTINATION_COUNTRY"], filter }, token);
  const referrals = useStatistics({ measure: "OPEN_REFERRALS", groupBy: ["RECEIVING_AGENCY", "WAITING_DAYS"], filter }, token);

  const yearOptions = years.state === "ok" ? years.table.cells.map((c) => c.key[0]!.value).filter((y) => /^\d{4}$/.test(y)) : [];
  const k = years.state === "ok" ? years.table.k : null;
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: e.target.value }));
  const ids = { level: useId(), measure: useId(), year: useId(), region: useId(), type: useId() };
  const measureName = t(`measure.${m}`);

  return (
    <div className="dashboard">
      <p>{t("intro", { k: k ?? "…" })}</p>
      <form className="panel filters" aria-label={t("filters")} onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor={ids.measure}>{t("filter.measure")}</label>
          <select id={ids.measure} name="measure" value={filters.measure} onChange={set("measure")}>
            <option value="CASES">{t("measure.CASES")}</option>
            <option value="VICTIMS">{t("measure.VICTIMS")}</option>
          </select>
        </div>
        <div>
          <label htmlFor={ids.year}>{t("filter.year")}</label>
          <select id={ids.year} name="year" value={filters.year} onChange={set("year")}>
            <option value="">{t("filter.all")}</option>
            {yearOptions.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.region}>{t("filter.region")}</label>
          <select id={ids.region} name="region" value={filters.region} onChange={set("region")}>
            <option value="">{t("filter.all")}</option>
            {(["61", "63"] as const).map((p) => (
              <optgroup key={p} label={t(`region.${p}`)}>
                <option value={p}>
                  {t(`region.${p}`)} ({p})
                </option>
                {REGENCIES.features
                  .filter((f) => f.properties.province === p)
                  .map((f) => (
                    <option key={f.properties.code} value={f.properties.code}>
                      {f.properties.name} ({f.properties.code})
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.type}>{t("filter.type")}</label>
          <select id={ids.type} name="type" value={filters.type} onChange={set("type")}>
            <option value="">{t("filter.all")}</option>
            {EXPLOITATION_TYPES.map((x) => (
              <option key={x} value={x}>
                {valueLabel("EXPLOITATION_TYPE", x)}
              </option>
            ))}
          </select>
        </div>
      </form>

      <p className="headline" role="status" data-total="true">
        {t("total", { measure: measureName })}:{" "}
        {total.state === "ok" ? <Count cell={{ count: total.table.total, suppressed: total.table.totalSuppressed }} /> : <Status loaded={total} inline />}
      </p>

      <div className="dash-grid">
        <Section id="map" title={t("map.title")} caption={t("map.caption")}>
          <label htmlFor={ids.level}>{t("map.level")}</label>
          <select id={ids.level} name="level" value={filters.level} onChange={set("level")}>
            <option value="REGENCY">{t("map.level.REGENCY")}</option>
            <option value="PROVINCE">{t("map.level.PROVINCE")}</option>
          </select>
          <RegionMap loaded={map} selected={filters.region || undefined} level={filters.level} />
        </Section>
        <Section id="trend" title={t("trend.title")} caption={t("trend.caption")}>
          <Bars loaded={trend} dimension="YEAR" marked={filters.year} sort="key" />
        </Section>
        <Section id="types" title={t("types.title")} caption={t("types.caption")}>
          <Bars loaded={types} dimension="EXPLOITATION_TYPE" marked={filters.type} sort="count" />
        </Section>
        <Section id="modus" title={t("modus.title")} caption={t("modus.caption")}>
          <Bars loaded={modus} dimension="MODUS" sort="count" />
        </Section>
        <Section id="destinations" title={t("dest.title")} caption={t("dest.caption")}>
          <Bars loaded={dest} dimension="DESTINATION_COUNTRY" sort="count" />
        </Section>
        <Section id="referrals" title={t("referrals.title")} caption={t("referrals.caption")}>
          <ReferralDelays loaded={referrals} />
        </Section>
      </div>
    </div>
  );
}
