import { randomUUID } from 'node:crypto';
import { compactJws } from './compact-jws';
import type { HopSigner } from './hop-keys';
import type { Identity } from './roles';

/** The gateway's signed word, given to one subgraph, of who is calling it: what that subgraph shows to act on the caller's behalf. */
export const GRANT_HEADER = 'x-hotline-grant';
export const GRANT_TYPE = 'hotline-grant+jwt';
/** As long as a hop: a department holds the power to speak for a caller no longer than a signed hop gave it before. */
const GRANT_LIFETIME_S = 60;
/**
 * A grant is signed once per caller and subgraph and reused for this long (an Ed25519 signature per hop was 8 % of
 * the gateway's CPU). Half its lifetime, so a grant shown within a request still has ≥ 30 s to live; and a subgraph
 * can act for a caller at most 60 s after the caller's last request through it, as with a signed hop.
 */
const REUSE_MS = 30_000;
const REMEMBERED = 10_000;

interface Remembered {
  token: string;
  until: number;
}
const grants = new WeakMap<HopSigner, Map<string, Remembered>>();

const identityKey = (identity: Identity, audience: string) =>
  `${audience}\n${identity.id}\n${identity.department ?? ''}\n${identity.phone ?? ''}\n${identity.roles.join(',')}`;

/**
 * The grant for `identity` calling `audience`, signed by the gateway's key: no request binding and no nonce (it is
 * not a hop and no subgraph accepts it as one), only who, for whom, and a short life. HopVerifier accepts it as the
 * hop a further request continues (`act`), from `audience` alone.
 */
export function callerGrant(identity: Identity, signer: HopSigner, audience: string, now = Date.now()): string {
  let remembered = grants.get(signer);
  if (!remembered) grants.set(signer, (remembered = new Map()));
  const key = identityKey(identity, audience);
  const found = remembered.get(key);
  if (found && found.until > now) return found.token;
  const issuedAt = Math.floor(now / 1000);
  const token = compactJws(signer, GRANT_TYPE, {
    roles: identity.roles,
    dept: identity.department ?? null,
    phone: identity.phone ?? null,
    sub: identity.id,
    aud: audience,
    iat: issuedAt,
    exp: issuedAt + GRANT_LIFETIME_S,
    jti: randomUUID(),
  });
  if (remembered.size >= REMEMBERED) remembered.clear();
  remembered.set(key, { token, until: now + REUSE_MS });
  return token;
}
