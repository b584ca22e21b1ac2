import { createHash, randomUUID, sign } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import stableStringify from 'safe-stable-stringify';
import { PublicError, ErrorCode } from '../errors';
import { boundedMemo } from '../runtime/bounded-memo';
import { type HopKeys, keyOwner } from './hop-keys';
import { NonceWindow } from './nonce-window';
import type { Identity, Role } from './roles';

/** One header: a compact JWS (EdDSA) of the identity and of the request it was made for. */
export const IDENTITY_HEADER = 'x-hotline-identity';
/** A signed hop is good for this long: enough for a slow subgraph hop, too short to be worth stealing. */
export const MAX_AGE_MS = 60_000;
/** Clocks of two servers differ a little; a hop signed "in the future" by this much still counts. */
const CLOCK_TOLERANCE_S = 5;
const TOKEN_TYPE = 'hotline-hop+jwt';
/** The one signer that asserts other people's identities: it verified their bearer token. */
const GATEWAY = 'gateway';

/** What the signature binds: a captured header is worth nothing for another method, text, operation or variables. */
export interface HopRequest {
  /** `POST` unless said otherwise. */
  method?: string;
  /** The GraphQL document, or for a plain HTTP hop the exact body (or the path of a GET). */
  query: string;
  operationName?: string | null;
  variables?: unknown;
  /** The variables exactly as the sender serialises them into the body (`JSON.stringify(variables ?? {})`). */
  variablesJson?: string;
}

interface HopClaims extends JWTPayload {
  roles: Role[];
  dept: string | null;
  phone: string | null;
  /** method, sha256(query), operation name, sha256(canonical JSON of the variables) */
  htm: string;
  hqh: string;
  hon: string | null;
  hvh: string;
  /** The hop this one continues: a department asking intake on its caller's behalf shows the gateway's word for who that is. */
  act?: string;
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/** sha256 of a query text, remembered: the planner sends the same few per subgraph (a relay a new body each time),
 * and hashing them on every hop was a share of signing and checking. */
const queryDigest = boundedMemo(1000, digest);

const canonical = (variables: unknown) => stableStringify(variables ?? {}) ?? '{}';
const bindings = (request: HopRequest) => ({
  htm: (request.method ?? 'POST').toUpperCase(),
  hqh: queryDigest(request.query),
  hon: request.operationName || null,
  // the sender's exact JSON when it has it; otherwise canonical JSON (object keys in any order). Absent variables
  // are no variables. The receiver accepts either, see variablesMatch.
  hvh: digest(request.variablesJson ?? canonical(request.variables)),
});

/**
 * Whether the variables a receiver parsed are those signed. The gateway signs the exact JSON text it sends (it
 * serialises the variables once, for the body and the signature), and JSON.stringify of what JSON.parse made of that
 * text is that text again, so the cheap check is tried first; other signers sign canonical JSON. Either way the
 * digest covers every key and value the receiver sees: two texts that are equal are the same variables.
 */
function variablesMatch(signed: string, variables: unknown): boolean {
  return signed === digest(JSON.stringify(variables ?? {}) ?? '{}') || signed === digest(canonical(variables));
}

/** A signer's JWS header never changes: encoded once per key id. */
const headerOf = boundedMemo(100, (keyId: string) => encode({ alg: 'EdDSA', kid: keyId, typ: TOKEN_TYPE }));

export interface SignOptions {
  /** The verified hop this request continues (RequestContext.hop): needed to speak for anyone but oneself. */
  onBehalfOf?: string;
  now?: number;
}

/**
 * Headers that tell `audience` who acts, signed with this service's own key
 * over the whole request and a fresh nonce: a captured pair cannot be replayed,
 * sent elsewhere, or reused with other variables.
 */
export async function signIdentity(identity: Identity, keys: HopKeys, audience: string, request: HopRequest, options: SignOptions = {}): Promise<Record<string, string>> {
  const { keyId, privateKey } = keys.signer;
  const issuedAt = Math.floor((options.now ?? Date.now()) / 1000);
  const claims: HopClaims = {
    roles: identity.roles,
    dept: identity.department ?? null,
    phone: identity.phone ?? null,
    ...bindings(request),
    ...(options.onBehalfOf ? { act: options.onBehalfOf } : {}),
  };
  const body = { ...claims, sub: identity.id, aud: audience, iat: issuedAt, exp: issuedAt + MAX_AGE_MS / 1000, jti: randomUUID() };
  // a compact JWS written here rather than with jose's SignJWT: jose signs on the thread pool, which cost 2× the CPU
  // per hop (~200 µs against ~95 µs here); jose verifies it on the other side, so a wrong token could not pass unseen
  const input = `${headerOf(keyId)}.${encode(body)}`;
  const token = `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
  return { [IDENTITY_HEADER]: token };
}

/** Nobody (valid) is signed in. `status` 401 is for refusals before any resolver runs. */
export class UnauthenticatedError extends PublicError {
  constructor(message: string, status?: 401) {
    super(ErrorCode.UNAUTHENTICATED, message, status ? { http: { status } } : {});
  }
}

export interface VerifiedHop {
  actor: Identity;
  /** The hop's own token, for a further hop on the same caller's behalf. */
  token: string;
  /** The service whose key signed it. */
  signer: string;
}

const refuse = (message: string) => new UnauthenticatedError(message, 401);
const identityOf = (claims: HopClaims): Identity => ({ id: claims.sub ?? '', roles: claims.roles ?? [], department: claims.dept ?? null, phone: claims.phone ?? null });
const sameIdentity = (a: Identity, b: Identity) =>
  a.id === b.id && a.department === b.department && a.phone === b.phone && a.roles.length === b.roles.length && a.roles.every((role, i) => role === b.roles[i]);

/**
 * Checks what `service` receives: the signature by a trusted key, the audience,
 * the age, the request it was made for, that its nonce is new, and that the
 * signer may assert the identity it names. Only the gateway asserts anyone's
 * identity; another service speaks for itself (`<service>` or `relay:<service>`)
 * or, continuing a hop, for the caller the gateway named to it.
 */
export class HopVerifier {
  /** Nonces seen within their lifetime; a replica has its own, so a replay must at least find the same replica. */
  private readonly seen = new NonceWindow(MAX_AGE_MS + 2 * CLOCK_TOLERANCE_S * 1000);

  constructor(private readonly keys: HopKeys) {
    // a missing or wrong key set stops start-up, not the first request
    keys.publicKey('');
  }

  async verify(headers: IncomingHttpHeaders, request: HopRequest): Promise<VerifiedHop> {
    const token = headers[IDENTITY_HEADER];
    if (typeof token !== 'string' || token === '') throw refuse('requests must come through the gateway');
    const { claims, signer } = await this.open(token, this.keys.service);
    const method = (request.method ?? 'POST').toUpperCase();
    if (claims.htm !== method || claims.hqh !== queryDigest(request.query) || claims.hon !== (request.operationName || null) || !variablesMatch(claims.hvh, request.variables)) {
      throw refuse('the gateway signature does not match this request');
    }
    if (!claims.jti || !this.seen.firstUse(claims.jti)) throw refuse('the gateway signature has already been used');
    const actor = identityOf(claims);
    if (signer !== GATEWAY && actor.id !== signer && actor.id !== `relay:${signer}`) await this.checkDelegation(signer, actor, claims.act);
    return { actor, token, signer };
  }

  /** `signer` speaks for `actor` only with the gateway's word, given to `signer`, that `actor` is calling it. */
  private async checkDelegation(signer: string, actor: Identity, act: string | undefined): Promise<void> {
    if (!act) throw refuse(`${signer} may not speak for ${actor.id} without the hop it continues`);
    const original = await this.open(act, signer);
    if (original.signer !== GATEWAY || !sameIdentity(identityOf(original.claims), actor)) throw refuse(`${signer} speaks for someone the gateway did not send it`);
  }

  private async open(token: string, audience: string): Promise<{ claims: HopClaims; signer: string }> {
    let keyId: string;
    try {
      keyId = decodeProtectedHeader(token).kid ?? '';
    } catch {
      throw refuse('the gateway signature is not readable');
    }
    const key = this.keys.publicKey(keyId);
    if (!key) throw refuse(`no trusted key "${keyId}"`);
    try {
      const { payload } = await jwtVerify<HopClaims>(token, key, {
        algorithms: ['EdDSA'],
        typ: TOKEN_TYPE,
        audience,
        maxTokenAge: MAX_AGE_MS / 1000,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['sub', 'iat', 'exp', 'jti'],
      });
      return { claims: payload, signer: keyOwner(keyId) };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw refuse('the gateway signature has expired');
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (error as { claim?: string }).claim === 'aud') throw refuse(`the signature is for another service, not ${audience}`);
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (error as { claim?: string }).claim === 'iat') throw refuse('the gateway signature has expired');
      throw refuse('the gateway signature does not match');
    }
  }
}
