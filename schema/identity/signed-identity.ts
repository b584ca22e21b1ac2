import { createHash, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import stableStringify from 'safe-stable-stringify';
import { PublicError, ErrorCode } from '../errors';
import { boundedMemo } from '../runtime/bounded-memo';
import { callerGrant, GRANT_HEADER, GRANT_TYPE } from './caller-grant';
import { compactJws, macJws } from './compact-jws';
import { type HopKeys, keyOwner } from './hop-keys';
import { MAC_ALGORITHM, macKeyFor } from './hop-mac';
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

export interface SignOptions {
  /** The verified hop this request continues (RequestContext.hop): needed to speak for anyone but oneself. */
  onBehalfOf?: string;
  now?: number;
}

/** What a hop token says, however it is authenticated: who, for whom, the request, a lifetime and a fresh nonce. */
function hopBody(identity: Identity, audience: string, request: HopRequest, options: SignOptions): HopClaims {
  const issuedAt = Math.floor((options.now ?? Date.now()) / 1000);
  return {
    roles: identity.roles,
    dept: identity.department ?? null,
    phone: identity.phone ?? null,
    ...bindings(request),
    ...(options.onBehalfOf ? { act: options.onBehalfOf } : {}),
    sub: identity.id,
    aud: audience,
    iat: issuedAt,
    exp: issuedAt + MAX_AGE_MS / 1000,
    jti: randomUUID(),
  };
}

/**
 * Headers that tell `audience` who acts, signed with this service's own key
 * over the whole request and a fresh nonce: a captured pair cannot be replayed,
 * sent elsewhere, or reused with other variables.
 */
export async function signIdentity(identity: Identity, keys: HopKeys, audience: string, request: HopRequest, options: SignOptions = {}): Promise<Record<string, string>> {
  return { [IDENTITY_HEADER]: compactJws(keys.signer, TOKEN_TYPE, hopBody(identity, audience, request, options)) };
}

/**
 * The gateway's headers for a hop to the subgraph `audience`: the same token as signIdentity's, authenticated with
 * the key the gateway shares with that subgraph (hop-mac.ts), and the gateway's grant of who calls, which the
 * subgraph shows when it asks another service on the caller's behalf.
 */
export function macIdentity(identity: Identity, keys: HopKeys, audience: string, request: HopRequest, now = Date.now()): Record<string, string> {
  const signer = keys.signer;
  const token = macJws(signer.keyId, macKeyFor(signer, audience), TOKEN_TYPE, hopBody(identity, audience, request, { now }));
  return { [IDENTITY_HEADER]: token, [GRANT_HEADER]: callerGrant(identity, signer, audience, now) };
}

/** Nobody (valid) is signed in. `status` 401 is for refusals before any resolver runs. */
export class UnauthenticatedError extends PublicError {
  constructor(message: string, status?: 401) {
    super(ErrorCode.UNAUTHENTICATED, message, status ? { http: { status } } : {});
  }
}

export interface VerifiedHop {
  actor: Identity;
  /** What a further hop on the same caller's behalf shows (`act`): the gateway's grant with a MAC'd hop, else the signed hop itself. */
  token?: string;
  /** The service whose key signed it. */
  signer: string;
}

const refuse = (message: string) => new UnauthenticatedError(message, 401);
const identityOf = (claims: HopClaims): Identity => ({ id: claims.sub ?? '', roles: claims.roles ?? [], department: claims.dept ?? null, phone: claims.phone ?? null });
const sameIdentity = (a: Identity, b: Identity) =>
  a.id === b.id && a.department === b.department && a.phone === b.phone && a.roles.length === b.roles.length && a.roles.every((role, i) => role === b.roles[i]);

/** A hop, or what a further hop shows it continues: a grant, or a signed hop as other senders still pass on. */
type Opened = 'hop' | 'continued';

/**
 * Checks what `service` receives: the signature (or the gateway's MAC) by a
 * trusted key, the audience, the age, the request it was made for, that its
 * nonce is new, and that the signer may assert the identity it names. Only the
 * gateway asserts anyone's identity; another service speaks for itself
 * (`<service>` or `relay:<service>`) or, continuing a hop, for the caller the
 * gateway named to it.
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
    const { claims, signer, mac } = await this.open(token, this.keys.service, 'hop');
    const method = (request.method ?? 'POST').toUpperCase();
    if (claims.htm !== method || claims.hqh !== queryDigest(request.query) || claims.hon !== (request.operationName || null) || !variablesMatch(claims.hvh, request.variables)) {
      throw refuse('the gateway signature does not match this request');
    }
    if (!claims.jti || !this.seen.firstUse(claims.jti)) throw refuse('the gateway signature has already been used');
    const actor = identityOf(claims);
    if (signer !== GATEWAY && actor.id !== signer && actor.id !== `relay:${signer}`) await this.checkDelegation(signer, actor, claims.act);
    const grant = headers[GRANT_HEADER];
    return { actor, token: mac ? (typeof grant === 'string' ? grant : undefined) : token, signer };
  }

  /** `signer` speaks for `actor` only with the gateway's word, given to `signer`, that `actor` is calling it. */
  private async checkDelegation(signer: string, actor: Identity, act: string | undefined): Promise<void> {
    if (!act) throw refuse(`${signer} may not speak for ${actor.id} without the hop it continues`);
    const original = await this.open(act, signer, 'continued');
    if (original.signer !== GATEWAY || !sameIdentity(identityOf(original.claims), actor)) throw refuse(`${signer} speaks for someone the gateway did not send it`);
  }

  private async open(token: string, audience: string, opened: Opened): Promise<{ claims: HopClaims; signer: string; mac: boolean }> {
    let header: { kid?: string; alg?: string; typ?: string };
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw refuse('the gateway signature is not readable');
    }
    const keyId = header.kid ?? '';
    // only the gateway MACs, and only its hops to this service: a MAC convinces no one else, so it is never passed on
    const mac = header.alg === MAC_ALGORITHM && opened === 'hop';
    const key = mac ? (keyOwner(keyId) === GATEWAY ? this.keys.macKey(keyId) : null) : this.keys.publicKey(keyId);
    if (!key) throw refuse(`no trusted key "${keyId}"`);
    const types = opened === 'hop' ? [TOKEN_TYPE] : [TOKEN_TYPE, GRANT_TYPE];
    if (!types.includes(header.typ ?? '')) throw refuse('the gateway signature does not match');
    try {
      const { payload } = await jwtVerify<HopClaims>(token, key, {
        algorithms: [mac ? MAC_ALGORITHM : 'EdDSA'],
        audience,
        maxTokenAge: MAX_AGE_MS / 1000,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['sub', 'iat', 'exp', 'jti'],
      });
      return { claims: payload, signer: keyOwner(keyId), mac };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw refuse('the gateway signature has expired');
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (error as { claim?: string }).claim === 'aud') throw refuse(`the signature is for another service, not ${audience}`);
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (error as { claim?: string }).claim === 'iat') throw refuse('the gateway signature has expired');
      throw refuse('the gateway signature does not match');
    }
  }
}
