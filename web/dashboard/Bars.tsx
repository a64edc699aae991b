// A bar chart of one statistics table in HTML (so it reflows on a phone), and its table
// alternative. A suppressed cell gets a hatched marker and the word "disembunyikan", never a bar
// of zero length; bars scale to the largest published count.
import { useId, type ReactNode } from "react";
import { t as shared } from "../shared/i18n";
import { formatCount, t, valueLabel } from "./messages";
import { isWithheld, type Loaded, type StatsCell } from "./stats";

export function Count({ cell }: { cell: Pick<StatsCell, "count" | "suppressed"> }) {
  if (cell.suppressed || cell.count === null) {
    return (
      <span className="suppressed" data-suppressed="true" title={t("suppressed.long")}>
        {t("suppressed")}
      </span>
    );
  }
  return <span data-count={cell.count}>{formatCount(cell.count)}</span>;
}

export function Section({ id, title, caption, children }: { id: string; title: string; caption: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="panel chart" id={id} aria-labelledby={headingId} data-chart={id}>
      <h2 id={headingId}>{title}</h2>
      <p className="help">{caption}</p>
      {children}
    </section>
  );
}

/** Loading or error state of a table; `inline` inside a sentence. */
export function Status({ loaded, inline }: { loaded: Loaded; inline?: boolean }) {
  const Tag = inline ? "span" : "p";
  if (loaded.state === "loading") return <Tag aria-busy="true">{t("loading")}</Tag>;
  if (loaded.state === "error") {
    return (
      <Tag className="error" role="alert">
        {errorText(loaded.code, loaded.message)}
      </Tag>
    );
  }
  if (isWithheld(loaded.table)) {
    return (
      <Tag className="note" data-withheld="true">
        {t("withheld")}
      </Tag>
    );
  }
  return null;
}

/** The table a chart may draw: none while loading, on error or when the hub withheld it (then `Status` says why). */
export const drawable = (loaded: Loaded) => (loaded.state === "ok" && !isWithheld(loaded.table) ? loaded.table : null);

/** The shared wording for the refusals an analyst can meet; the API's message otherwise. */
function errorText(code: string | undefined, message: string): string {
  if (code === "FORBIDDEN") return shared("error.forbidden");
  if (code === "UNAUTHENTICATED") return shared("error.unauthenticated");
  if (code === "NETWORK") return shared("error.network");
  return shared("error.generic", { message });
}

export interface BarsProps {
  loaded: Loaded;
  dimension: string;
  /** Value to mark (the filter's choice). */
  marked?: string;
  sort: "count" | "key";
}

export function Bars({ loaded, dimension, marked, sort }: BarsProps) {
  const table = drawable(loaded);
  if (!table) return <Status loaded={loaded} />;
  const cells = [...table.cells];
  if (sort === "count") cells.sort((a, b) => (b.count ?? -1) - (a.count ?? -1));
  const max = Math.max(1, ...cells.map((c) => c.count ?? 0));
  const rows = cells.map((c) => ({ value: c.key[0]!.value, cell: c }));
  return (
    <>
      <ul className="bars" aria-hidden="true">
        {rows.map(({ value, cell }) => (
          <li key={value} className={value === marked ? "marked" : undefined} data-value={value} data-suppressed={cell.suppressed}>
            <span className="bar-label">{valueLabel(dimension, value)}</span>
            <span className="bar-track">
              {cell.suppressed ? <span className="bar hatched" /> : <span className="bar" style={{ width: `${(100 * (cell.count ?? 0)) / max}%` }} />}
            </span>
            <span className="bar-value">
              <Count cell={cell} />
            </span>
          </li>
        ))}
      </ul>
      <ValueTable dimension={dimension} rows={rows} />
    </>
  );
}

/** The chart's table alternative: every value with its count or "disembunyikan". */
export function ValueTable({ dimension, rows }: { dimension: string; rows: { value: string; cell: StatsCell; label?: string }[] }) {
  return (
    <details className="alt-table">
      <summary>{t("table.show")}</summary>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("table.show")}>
        <table data-dimension={dimension}>
          <thead>
            <tr>
              <th scope="col">{t("table.value")}</th>
              <th scope="col">{t("table.count")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ value, cell, label }) => (
              <tr key={value} data-value={value}>
                <th scope="row">{label ?? valueLabel(dimension, value)}</th>
                <td>
                  <Count cell={cell} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
