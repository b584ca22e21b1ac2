import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { PublicError, ErrorCode } from '../errors';
import type { Identity, Role } from './roles';

export const IDENTITY_HEADER = 'x-hotline-identity';
export const SIGNATURE_HEADER = 'x-hotline-signature';
/** A signed identity is good for this long: enough for a slow subgraph hop, too short to be worth stealing. */
export const MAX_AGE_MS = 60_000;

interface SignedPayload {
  sub: string;
  roles: Role[];
  dept?: string | null;
  phone?: string | null;
  iat: number;
}

const sign = (secret: string, payload: string, query: string) =>
  createHmac('sha256', secret).update(`${payload}.${createHash('sha256').update(query).digest('base64url')}`).digest('base64url');

/**
 * Headers that tell a subgraph who acts, signed by the gateway (or a subgraph
 * calling another) with the platform's shared secret. The signature covers the
 * identity, the time and the operation text, so a captured header pair cannot
 * be replayed later or with another operation.
 */
export function signIdentity(identity: Identity, secret: string, query: string, now = Date.now()): Record<string, string> {
  const body: SignedPayload = { sub: identity.id, roles: identity.roles, dept: identity.department ?? null, phone: identity.phone ?? null, iat: now };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return { [IDENTITY_HEADER]: payload, [SIGNATURE_HEADER]: sign(secret, payload, query) };
}

/** Nobody (valid) is signed in. `status` 401 is for refusals before any resolver runs. */
export class UnauthenticatedError extends PublicError {
  constructor(message: string, status?: 401) {
    super(ErrorCode.UNAUTHENTICATED, message, status ? { http: { status } } : {});
  }
}

/** The identity a request carries, if and only if its signature holds and is fresh. */
export function verifyIdentity(headers: IncomingHttpHeaders, secret: string, query: string, now = Date.now()): Identity {
  const payload = headers[IDENTITY_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (typeof payload !== 'string' || typeof signature !== 'string') {
    throw new UnauthenticatedError('requests must come through the gateway', 401);
  }
  const expected = Buffer.from(sign(secret, payload, query));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new UnauthenticatedError('the gateway signature does not match', 401);
  }
  const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SignedPayload;
  if (!(Math.abs(now - body.iat) <= MAX_AGE_MS)) throw new UnauthenticatedError('the gateway signature has expired', 401);
  return { id: body.sub, roles: body.roles, department: body.dept ?? null, phone: body.phone ?? null };
}
