import { GraphQLError } from 'graphql';

/**
 * The stable error codes of the platform. Clients branch on `extensions.code`,
 * so a code, once published, never changes meaning.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  NOT_ASSIGNED: 'NOT_ASSIGNED',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  // a dependency is down or slow: the same request may succeed if retried (extensions.retryable)
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  // the gateway's abuse limits, one code each
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  TOO_MANY_FIELDS: 'TOO_MANY_FIELDS',
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  BATCH_TOO_COMPLEX: 'BATCH_TOO_COMPLEX',
  // too many requests or too much cost from one source in a while: extensions.retryAfterMs says when to try again
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error whose message is meant for the client. Anything else is hidden. */
export class PublicError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export class BadInputError extends PublicError {
  constructor(message: string, field?: string) {
    super(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
  }
}

export class NotFoundError extends PublicError {
  constructor(what: string, key: string) {
    super(ErrorCode.NOT_FOUND, `${what} ${key} does not exist`, { what, key });
  }
}

/** A state machine refused a transition; says where the thing stands and what was tried. */
export class IllegalTransitionError extends PublicError {
  constructor(what: string, currentState: string, transition: string) {
    super(
      ErrorCode.ILLEGAL_TRANSITION,
      `${what} is ${currentState}; "${transition}" is not allowed from there`,
      { currentState, transition },
    );
  }
}

export class NotAssignedError extends PublicError {
  constructor(ticketId: string, department: string) {
    super(ErrorCode.NOT_ASSIGNED, `ticket ${ticketId} is not assigned to ${department}`, { ticketId, department });
  }
}

export class ConflictError extends PublicError {
  constructor(message: string) {
    super(ErrorCode.CONFLICT, message);
  }
}

/** Codes that mean "not now": a client may retry the same request after a pause. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set([ErrorCode.UPSTREAM_UNAVAILABLE, ErrorCode.UPSTREAM_TIMEOUT, ErrorCode.SERVICE_UNAVAILABLE]);

export class UpstreamUnavailableError extends PublicError {
  constructor(service: string) {
    super(ErrorCode.UPSTREAM_UNAVAILABLE, `${service} is unavailable; try again shortly`, { service, retryable: true });
  }
}

export class UpstreamTimeoutError extends PublicError {
  constructor(service: string, timeoutMs: number) {
    super(ErrorCode.UPSTREAM_TIMEOUT, `${service} did not answer within ${timeoutMs} ms; try again shortly`, { service, timeoutMs, retryable: true });
  }
}

/** This service's own dependency (its database) is down: nothing was changed, the request may be retried. */
export class ServiceUnavailableError extends PublicError {
  constructor(service: string, dependency: string) {
    super(ErrorCode.SERVICE_UNAVAILABLE, `${service} cannot reach its ${dependency}; nothing was changed, try again shortly`, { service, dependency, retryable: true });
  }
}
