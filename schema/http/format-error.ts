import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../errors';

/** Codes whose messages were written for clients; everything else is an internal failure. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}

/**
 * Internal errors (a failed SQL statement, a bug) reach the client only as a
 * generic message: no stack, no SQL, no hostnames. The server logs them with
 * the request id (see the subgraph app's error plugin).
 */
export function formatPublicError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isPublicCode(code)) {
    // `response` is what the gateway got from a subgraph: its address and raw reply are nobody's business
    const { stacktrace: _stack, response: _response, validationErrors, ...extensions } = formatted.extensions ?? {};
    if (Array.isArray(validationErrors)) return describeValidation(formatted, extensions, validationErrors);
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

function flatten(failures: ValidationFailure[], prefix = ''): { field: string; messages: string[] }[] {
  return failures.flatMap((failure) => {
    const field = prefix ? `${prefix}.${failure.property}` : failure.property;
    const own = failure.constraints ? [{ field, messages: Object.values(failure.constraints) }] : [];
    return [...own, ...flatten(failure.children ?? [], field)];
  });
}

/**
 * class-validator's report carries the whole input back (a citizen's phone
 * included) and says only "Argument Validation Error"; clients get the
 * constraint messages and the failing field names instead.
 */
function describeValidation(
  formatted: GraphQLFormattedError,
  extensions: Record<string, unknown>,
  validationErrors: ValidationFailure[],
): GraphQLFormattedError {
  const failures = flatten(validationErrors);
  return {
    ...formatted,
    message: failures.flatMap((failure) => failure.messages).join('; ') || formatted.message,
    extensions: { ...extensions, fields: failures.map((failure) => failure.field) },
  };
}
