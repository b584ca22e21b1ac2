import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import type { HopSigner } from './hop-keys';

/**
 * The gateway's hops to a subgraph are authenticated with HMAC-SHA256 (a JWS with alg HS256) under a key only the
 * gateway and that subgraph hold, instead of an Ed25519 signature: verifying Ed25519 through jose cost a subgraph
 * ~190 µs per hop on the 2-core machine and HS256 ~25 µs, and signing cost the gateway ~45 µs per hop against ~4.
 * What a hop binds (method, query, variables, audience, age, a nonce) is unchanged. An HMAC convinces only its
 * receiver, so a subgraph that asks another service on the caller's behalf shows the gateway's signed grant
 * (caller-grant.ts) instead of the hop.
 *
 * Each subgraph's key is derived from the gateway's own Ed25519 key: the gateway needs no key material besides the
 * one it has, rotating the gateway's key rotates every MAC key with it, and `npm run env:generate` writes each
 * subgraph its own (HOP_MAC_KEYS; scripts/generate-env.js derives it the same way). One subgraph's key says
 * nothing of another's.
 */
export const MAC_ALGORITHM = 'HS256';

/** The derivation's label: the gateway key it comes from and the subgraph it is for. */
export const macKeyInfo = (gatewayKeyId: string, audience: string) => `hotline-hop-mac\n${gatewayKeyId}\n${audience}`;

/** The key `signer` (the gateway's) shares with `audience`: HKDF-SHA256 over its Ed25519 seed. */
export function deriveMacKey(signer: HopSigner, audience: string): KeyObject {
  const seed = Buffer.from(signer.privateKey.export({ format: 'jwk' }).d!, 'base64url');
  return createSecretKey(Buffer.from(hkdfSync('sha256', seed, Buffer.alloc(0), macKeyInfo(signer.keyId, audience), 32)));
}

const derived = new WeakMap<HopSigner, Map<string, KeyObject>>();
/** deriveMacKey, once per signer and subgraph. */
export function macKeyFor(signer: HopSigner, audience: string): KeyObject {
  let keys = derived.get(signer);
  if (!keys) derived.set(signer, (keys = new Map()));
  let key = keys.get(audience);
  if (!key) keys.set(audience, (key = deriveMacKey(signer, audience)));
  return key;
}
