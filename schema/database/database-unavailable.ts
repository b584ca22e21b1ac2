/**
 * Driver error codes that mean the database could not be reached or dropped
 * the connection: the statement never ran or its transaction was rolled back,
 * so retrying the whole request is safe. Anything else (a constraint, a bug)
 * is not the caller's to retry.
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_ACCESS_DENIED_ERROR',
  'SQLITE_BUSY',
  // a Galera node out of the primary component, or still joining: "WSREP has not yet prepared node for application use"
  'ER_UNKNOWN_COM_ERROR',
  // the failover pool found no node of the cluster that is a synced member
  'WSREP_NOT_READY',
]);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Follows TypeORM's `driverError`, `cause` and GraphQL's `originalError` down to the driver's own error. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const code = codeOf(error);
  if (code && UNREACHABLE_CODES.has(code)) return true;
  if ((error as Error).message === 'Pool is closed.') return true;
  const { driverError, cause, originalError } = error as { driverError?: unknown; cause?: unknown; originalError?: unknown };
  return [driverError, cause, originalError].some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}
