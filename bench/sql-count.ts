// SQL statements per request, from pg_stat_statements (loaded by bench/cluster.ts): reset, run
// the requests one at a time, sum the calls in the benchmark database. Counts every statement the
// server sent, whatever library sent it, split by what the statement text shows it is for.
import type pg from "pg";

const OWN = `query NOT ILIKE '%pg_stat_statements%'`;

export interface StatementCounts {
  total: number;
  /** Statements on the audit log: its table or an advisory lock. */
  audit: number;
  /** BEGIN, COMMIT, ROLLBACK, SAVEPOINT. */
  transaction: number;
}

export async function resetStatements(client: pg.Client): Promise<void> {
  await client.query("SELECT pg_stat_statements_reset()");
}

export async function countsSinceReset(client: pg.Client): Promise<StatementCounts> {
  const r = await client.query<{ total: string | null; audit: string | null; transaction: string | null }>(
    `SELECT sum(calls) AS total,
            sum(calls) FILTER (WHERE query ILIKE '%"AuditEntry"%' OR query ILIKE '%advisory%') AS audit,
            sum(calls) FILTER (WHERE query ~* '^\\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|START TRANSACTION)') AS transaction
     FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND ${OWN}`,
  );
  const row = r.rows[0];
  return { total: Number(row?.total ?? 0), audit: Number(row?.audit ?? 0), transaction: Number(row?.transaction ?? 0) };
}

export async function statementsSinceReset(client: pg.Client): Promise<number> {
  return (await countsSinceReset(client)).total;
}

/** Average statements per call of `run` over `times` sequential calls. */
export async function statementsPer(client: pg.Client, times: number, run: (i: number) => Promise<void>): Promise<StatementCounts> {
  await resetStatements(client);
  for (let i = 0; i < times; i++) await run(i);
  const c = await countsSinceReset(client);
  return { total: c.total / times, audit: c.audit / times, transaction: c.transaction / times };
}

/** Mean milliseconds of the statements taking an advisory lock since the reset (the wait for it included). */
export async function advisoryLockMs(client: pg.Client): Promise<number> {
  const r = await client.query<{ ms: number | null }>(
    `SELECT sum(total_exec_time) / nullif(sum(calls), 0) AS ms FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query ILIKE '%advisory%' AND ${OWN}`,
  );
  return Number(r.rows[0]?.ms ?? NaN);
}
