// Which node-postgres errors mean "the database cannot be reached or is going away" (STORAGE_UNAVAILABLE,
// 503) rather than a bug of ours: the caller may retry later, and nothing was written.

/** SQLSTATE classes and codes of an unreachable or departing server (PostgreSQL appendix "Error Codes"). */
const SQLSTATES: Record<string, string> = {
  '57P01': 'the database server is shutting down (admin shutdown)',
  '57P02': 'the database server crashed',
  '57P03': 'the database server is starting up or shutting down',
  '57P04': 'the database was dropped',
  '53300': 'the database server has too many connections',
  '53100': 'the database server is out of disk space',
  '53200': 'the database server is out of memory',
  '25006': 'the database is read-only',
  '57014': 'a database query took too long and was cancelled',
};

/** Node's socket error codes. */
const SOCKET_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ENOENT)$/;

/** node-postgres's own words for a lost, timed-out or closed connection or pool. */
const DRIVER_MESSAGES: [RegExp, string][] = [
  [/timeout exceeded when trying to connect/i, 'every database connection is busy (the pool is exhausted)'],
  [/Connection terminated due to connection timeout/i, 'connecting to the database timed out'],
  [/Connection terminated/i, 'the connection to the database was lost'],
  [/Query read timeout/i, 'the database did not answer in time'],
  [/not queryable|Client was closed/i, 'the connection to the database was lost'],
  [/Cannot use a pool after calling end/i, 'the server is shutting down'],
];

/** A plain-words reason when `error` is a storage failure, else null (a bug: rethrow it as it is). */
export function describePostgresFailure(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SQLSTATES[code]) return SQLSTATES[code];
    if (code.startsWith('08')) return `the connection to the database failed (${code})`;
    if (SOCKET_CODES.test(code)) return `the database server cannot be reached (${code})`;
  }
  // An AggregateError (several addresses tried) carries the socket codes inside.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const reason = describePostgresFailure(inner);
      if (reason) return reason;
    }
  }
  for (const [pattern, reason] of DRIVER_MESSAGES) if (pattern.test(error.message)) return reason;
  return null;
}
