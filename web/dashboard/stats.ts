// The one query the dashboard makes: `statistics`, the same k-anonymous table a partner's client
// gets, with the signed-in analyst's token. Nothing here computes a number; it only reads cells.
import { useEffect, useState } from "react";
import { ApiError, graphql } from "../shared/api";

export type Measure = "CASES" | "VICTIMS" | "OPEN_REFERRALS";

export interface StatsFilter {
  year?: number;
  region?: string;
  exploitationType?: string;
}

export interface StatsCell {
  key: { dimension: string; value: string }[];
  count: number | null;
  suppressed: boolean;
}

export interface StatsTable {
  k: number;
  cells: StatsCell[];
  total: number | null;
  totalSuppressed: boolean;
  withheld: boolean;
}

export const STATISTICS_QUERY = `query DashboardStatistics($measure: StatisticsMeasure!, $groupBy: [StatisticsDimension!]!, $filter: StatisticsFilter) {
  statistics(measure: $measure, groupBy: $groupBy, filter: $filter) {
    k
    cells { key { dimension value } count suppressed }
    total
    totalSuppressed
    withheld
  }
}`;

/** A withheld table has no cells (a total as usual): its small counts could not be protected. */
export const isWithheld = (t: StatsTable) => t.withheld;

export interface Request {
  measure: Measure;
  groupBy: string[];
  filter: StatsFilter;
}

export type Loaded = { state: "loading" } | { state: "error"; message: string; code?: string } | { state: "ok"; table: StatsTable };

/**
 * Fetches one table whenever the request or the token changes. A stale answer (the filters
 * changed meanwhile) is dropped when it arrives rather than aborted: small queries, and an
 * aborted fetch reads as a failed request in the browser's log.
 */
export function useStatistics(req: Request, token: string | null): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const key = JSON.stringify(req);
  useEffect(() => {
    if (!token) return;
    let current = true;
    setLoaded({ state: "loading" });
    graphql<{ statistics: StatsTable }>(STATISTICS_QUERY, { ...req } as unknown as Record<string, unknown>, token)
      .then((r) => {
        if (!current) return;
        if (r.data?.statistics) setLoaded({ state: "ok", table: r.data.statistics });
        else setLoaded({ state: "error", message: r.errors?.[0]?.message ?? "no data", code: r.errors?.[0]?.extensions?.code });
      })
      .catch((e: unknown) => {
        if (!current) return;
        setLoaded({ state: "error", message: (e as Error).message, code: e instanceof ApiError ? e.code : undefined });
      });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, token]);
  return loaded;
}
