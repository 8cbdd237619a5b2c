/** The PostgreSQL store's connection: how values travel, shared by its parts. */
import postgres from 'postgres';

/** bigint columns and count(*) come back as numbers: every value kept here fits a double exactly. */
const int8 = { to: 20, from: [20], serialize: (x: number) => String(x), parse: (x: string) => Number(x) };

export type Sql = postgres.Sql<{ int8: number }>;
/** A transaction's handle or the pool: the parts run their queries on either. */
export type Queries = Sql | postgres.TransactionSql<{ int8: number }>;

export function connect(url: string, max: number): Sql {
  return postgres(url, {
    max,
    types: { int8 },
    // "relation already exists, skipping" and the like are not worth a log line.
    onnotice: () => {},
    connect_timeout: 10,
    // Seconds before a new connection attempt after failed ones. The client's own default grows by 3x a failure
    // up to 20 s, and failures are counted across the pool: after a database restart of a few seconds, requests
    // waited up to 20 s for a connection. At most 1 s, so the instance answers 503 and then recovers promptly.
    backoff: (failures: number) => Math.min(0.1 * failures, 1),
  });
}

/** A value for a jsonb column: sent as JSON, read back parsed. */
export const json = (sql: Queries, value: unknown) => sql.json(value as postgres.JSONValue);
