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

/**
 * The client's known crash when the database drops connections under load (porsager/postgres issues
 * #1066, #1154, #1208; fixes proposed in #1168, #1209, none released in 3.4.10): a write queued with
 * setImmediate runs after the connection has let go of its socket and throws `socket.write` on null,
 * outside any promise, which would end the process. By then the connection has already failed its
 * queries with CONNECTION_CLOSED (the API answered 503), so the queued bytes are moot: skipping them is
 * what the proposed fixes do. Only that exact error matches.
 */
export function isClientWriteRace(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /reading 'write'/.test(error.message) &&
    /at (Immediate\.)?nextWrite \(.*postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? '')
  );
}
