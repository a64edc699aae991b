// Unanswered referrals by receiving agency and days waiting: a table shaded by count, which is
// the chart and its own text alternative at once. Suppressed cells read "disembunyikan".
import { Count, drawable, Status } from "./Bars";
import { t } from "./messages";
import type { Loaded, StatsCell } from "./stats";

const BANDS = ["DAYS_0_7", "DAYS_8_14", "DAYS_15_30", "DAYS_31_90", "DAYS_91_PLUS"] as const;

export function ReferralDelays({ loaded }: { loaded: Loaded }) {
  const table = drawable(loaded);
  if (!table) return <Status loaded={loaded} />;
  if (table.cells.length === 0) return <p>{t("referrals.none")}</p>;
  const byAgency = new Map<string, Map<string, StatsCell>>();
  for (const c of table.cells) {
    const [agency, band] = [c.key[0]!.value, c.key[1]!.value];
    if (!byAgency.has(agency)) byAgency.set(agency, new Map());
    byAgency.get(agency)!.set(band, c);
  }
  const max = Math.max(1, ...table.cells.map((c) => c.count ?? 0));
  return (
    <>
      <p data-referrals-total="true">
        {t("referrals.total")}: <Count cell={{ count: table.total, suppressed: table.totalSuppressed }} />
      </p>
      {/* Focusable, so a keyboard can scroll it sideways on a phone. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("referrals.title")}>
        <table className="heat" data-table="referrals">
          <thead>
            <tr>
              <th scope="col">{t("referrals.agency")}</th>
              {BANDS.map((b) => (
                <th scope="col" key={b}>
                  {t(b)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...byAgency.entries()].map(([agency, bands]) => (
              <tr key={agency} data-agency={agency}>
                <th scope="row">{agency}</th>
                {BANDS.map((b) => {
                  const cell = bands.get(b);
                  // Shade only published counts; light enough that dark text keeps AA contrast.
                  const shade = cell && !cell.suppressed && cell.count !== null ? 0.08 + (0.3 * cell.count) / max : 0;
                  return (
                    <td
                      key={b}
                      data-band={b}
                      className={cell?.suppressed ? "hatched-cell" : undefined}
                      style={shade ? { background: `rgba(179, 38, 30, ${shade.toFixed(2)})` } : undefined}
                    >
                      {cell ? <Count cell={cell} /> : "0"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
