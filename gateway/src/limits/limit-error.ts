import { GraphQLError } from 'graphql';
import type { ErrorCode } from '../../../schema/errors';

type LimitCode = typeof ErrorCode.QUERY_TOO_DEEP | typeof ErrorCode.TOO_MANY_ALIASES | typeof ErrorCode.QUERY_TOO_COMPLEX;

/** A refused operation: HTTP 400, its own code, and the numbers that tripped it. */
export function limitError(code: LimitCode, message: string, details: Record<string, number> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status: 400 } } });
}
