// The map: every kabupaten/kota of Kalimantan Barat and Selatan (boundaries shipped in
// data/, see data/README.md for source and licence) as SVG paths, coloured by the REGENCY cells
// of one statistics table. A suppressed cell is hatched and says so; a regency without a cell is
// 0 (the API lists no zero cells). No tiles, nothing from the internet.
import { geoMercator, geoPath } from "d3-geo";
import { useId, useMemo } from "react";
import { feature } from "topojson-client";
import type { FeatureCollection, Geometry } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import topoText from "./data/kalbar-kalsel-kabupaten.topojson?raw";
import { Count, drawable, Status, ValueTable } from "./Bars";
import { formatCount, t, valueLabel } from "./messages";
import type { Loaded, StatsCell } from "./stats";

interface Props {
  code: string;
  name: string;
  province: string;
}

const topo = JSON.parse(topoText) as Topology<{ kabupaten: GeometryCollection<Props> }>;
export const REGENCIES = feature(topo, topo.objects.kabupaten) as FeatureCollection<Geometry, Props>;

const WIDTH = 640;
const HEIGHT = 460;
// ColorBrewer Blues: light to dark, the darkest for the largest published counts.
const SCALE = ["#c6dbef", "#6baed6", "#2171b5", "#08306b"] as const;
const ZERO = "#ffffff";

type Shade = { state: "count"; count: number; bin: number } | { state: "suppressed" } | { state: "zero" };

export type MapLevel = "REGENCY" | "PROVINCE";

/**
 * `level` REGENCY colours each kabupaten/kota by its own cell; PROVINCE colours each by its
 * province's cell (a coarser table, so fewer cells are suppressed with little data).
 */
export function RegionMap({ loaded, selected, level }: { loaded: Loaded; selected?: string; level: MapLevel }) {
  const titleId = useId();
  const paths = useMemo(() => {
    const projection = geoMercator().fitSize([WIDTH, HEIGHT], REGENCIES);
    const path = geoPath(projection);
    return REGENCIES.features.map((f) => ({ ...f.properties, d: path(f) ?? "" }));
  }, []);
  const table = drawable(loaded);
  if (!table) return <Status loaded={loaded} />;

  const cells = new Map<string, StatsCell>(table.cells.map((c) => [c.key[0]!.value, c]));
  const published = table.cells.flatMap((c) => (c.count !== null && !c.suppressed ? [c.count] : []));
  const lo = Math.min(table.k, ...published);
  const hi = Math.max(lo, ...published);
  const step = (hi - lo + 1) / SCALE.length;
  const bounds = SCALE.map((_, i) => [Math.ceil(lo + i * step), Math.ceil(lo + (i + 1) * step) - 1] as const);
  const areaOf = (code: string) => (level === "REGENCY" ? code : code.slice(0, 2));
  const shadeOf = (code: string): Shade => {
    const c = cells.get(areaOf(code));
    if (!c) return { state: "zero" };
    if (c.suppressed || c.count === null) return { state: "suppressed" };
    return { state: "count", count: c.count, bin: Math.min(SCALE.length - 1, Math.floor((c.count - lo) / step)) };
  };
  const isSelected = (code: string) => !!selected && (code === selected || code.slice(0, 2) === selected);
  // Cells the map cannot place (no kabupaten/kota recorded) are listed under it.
  const unplaced = table.cells.filter((c) => !paths.some((p) => areaOf(p.code) === c.key[0]!.value));
  const none: StatsCell = { key: [], count: 0, suppressed: false };
  const rows =
    level === "REGENCY"
      ? paths.map((p) => ({ value: p.code, label: `${p.name} (${p.code})`, cell: cells.get(p.code) ?? none }))
      : (["61", "63"] as const).map((code) => ({ value: code, label: `${t(`region.${code}`)} (${code})`, cell: cells.get(code) ?? none }));

  return (
    <>
      <figure className="map">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} data-map="regencies">
          <title id={titleId}>{t("map.title")}</title>
          <defs>
            <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#e6e6e6" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#4a5260" strokeWidth="2.5" />
            </pattern>
          </defs>
          {paths.map((p) => {
            const s = shadeOf(p.code);
            const fill = s.state === "suppressed" ? "url(#hatch)" : s.state === "zero" ? ZERO : SCALE[s.bin];
            const label = s.state === "suppressed" ? t("suppressed") : s.state === "zero" ? "0" : formatCount(s.count);
            return (
              <path
                key={p.code}
                d={p.d}
                fill={fill}
                stroke="#1b1f24"
                strokeWidth={0.6}
                data-kode={p.code}
                data-state={s.state}
                data-count={s.state === "count" ? s.count : undefined}
              >
                <title>{level === "REGENCY" ? `${p.name} (${p.code}): ${label}` : `${p.name}, ${t(`region.${p.province as "61" | "63"}`)}: ${label}`}</title>
              </path>
            );
          })}
          {/* Selected region drawn last, so its outline is not covered by neighbours. */}
          {paths
            .filter((p) => isSelected(p.code))
            .map((p) => (
              <path key={`sel-${p.code}`} d={p.d} fill="none" stroke="#b3261e" strokeWidth={2.5} pointerEvents="none" data-selected={p.code} />
            ))}
        </svg>
        <figcaption className="help">{t("map.credit")}</figcaption>
      </figure>
      <div className="legend" aria-label={t("map.legend")} role="group">
        <strong>{t("map.legend")}:</strong>
        <ul>
          <li>
            <span className="swatch" style={{ background: ZERO }} /> {t("zero")}
          </li>
          {bounds.map(([a, b], i) =>
            a <= b ? (
              <li key={i}>
                <span className="swatch" style={{ background: SCALE[i] }} /> {a === b ? formatCount(a) : `${formatCount(a)}–${formatCount(b)}`}
              </li>
            ) : null,
          )}
          <li>
            <span className="swatch hatched" /> {t("suppressed.legend", { k: table.k })}
          </li>
          {selected && (
            <li>
              <span className="swatch selected" /> {t("map.selected")}
            </li>
          )}
        </ul>
      </div>
      {unplaced.length > 0 && (
        <p className="help" data-unplaced="true">
          {unplaced.map((c, i) => (
            <span key={c.key[0]!.value}>
              {i > 0 && " · "}
              {c.key[0]!.value === "UNKNOWN" ? t("map.unknown") : valueLabel("REGENCY", c.key[0]!.value)}: <Count cell={c} />
            </span>
          ))}
        </p>
      )}
      <ValueTable dimension="REGENCY" rows={rows} />
    </>
  );
}
