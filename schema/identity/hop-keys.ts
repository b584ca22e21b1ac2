import { createHash, createPrivateKey, createPublicKey, createSecretKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { isProduction } from '../config/env';
import { deriveMacKey } from './hop-mac';

/**
 * Every service signs the requests it sends to another with its own Ed25519
 * private key and verifies what it receives with the others' public keys. A
 * department therefore holds only its own key and the public key set: it can
 * speak for itself (its outbox relay), never forge the gateway, which alone
 * asserts a citizen's or an operator's identity.
 *
 * A key id is `<service>` or `<service>:<version>`: the part before the colon
 * names the service that holds the private key, which decides what the key may
 * assert (see signed-identity.ts). Rotation: add the new public key to
 * HOP_TRUSTED_KEYS everywhere, then give the signer its new HOP_SIGNING_KEY,
 * then drop the old public key.
 */
export interface HopSigner {
  keyId: string;
  service: string;
  privateKey: KeyObject;
}

export interface HopKeys {
  /** The service these keys belong to: the audience its verifier accepts. */
  readonly service: string;
  /** This service's own key; read on first use, so `main.js migrate` needs none. */
  readonly signer: HopSigner;
  /** The public key for a key id, or null when nobody trusts that id here. */
  publicKey(keyId: string): KeyObject | null;
  /** The HMAC key the gateway's key `keyId` shares with this service (hop-mac.ts), or null; only subgraphs need one. */
  macKey(keyId: string): KeyObject | null;
}

/** The service a key id belongs to. */
export const keyOwner = (keyId: string) => keyId.split(':')[0];

const DEVELOPMENT_VERSION = 'development';
const developmentKeyId = (service: string) => `${service}:${DEVELOPMENT_VERSION}`;
const isDevelopmentKeyId = (keyId: string) => keyId.endsWith(`:${DEVELOPMENT_VERSION}`);
/** PKCS#8 DER prefix of an Ed25519 private key: the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * A developer's machine needs no key set-up: each service's development key is
 * derived from its name, so anyone can recompute it (production refuses them).
 */
export function developmentSigner(service: string): HopSigner {
  const seed = createHash('sha256').update(`hotline-development-hop-key:${service}`).digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return { keyId: developmentKeyId(service), service, privateKey };
}

function readJson(name: string, env: NodeJS.ProcessEnv): unknown {
  const file = env[`${name}_FILE`];
  const text = file ? fs.readFileSync(file, 'utf8') : env[name];
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${name}${file ? `_FILE (${file})` : ''} is not JSON: give a JSON Web Key${name === 'HOP_SIGNING_KEY' ? '' : ' Set'} (npm run env:generate writes them)`);
  }
}

function importKey(jwk: JsonWebKey & { kid?: string }, what: string, kind: 'private' | 'public'): KeyObject {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') throw new Error(`${what} must be an Ed25519 JSON Web Key (kty OKP, crv Ed25519)`);
  try {
    return kind === 'private' ? createPrivateKey({ key: jwk, format: 'jwk' }) : createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  } catch (error) {
    throw new Error(`${what} is not a usable Ed25519 key: ${(error as Error).message}`);
  }
}

function readSigner(service: string, env: NodeJS.ProcessEnv): HopSigner {
  const jwk = readJson('HOP_SIGNING_KEY', env) as (JsonWebKey & { kid?: string }) | undefined;
  if (!jwk) {
    if (isProduction(env)) throw new Error(`HOP_SIGNING_KEY is required when NODE_ENV=production: the ${service} service's own private key (npm run env:generate)`);
    return developmentSigner(service);
  }
  const keyId = jwk.kid;
  if (!keyId || keyOwner(keyId) !== service) throw new Error(`HOP_SIGNING_KEY must carry a kid "${service}" or "${service}:<version>"; it has "${keyId ?? ''}"`);
  const privateKey = importKey(jwk, 'HOP_SIGNING_KEY', 'private');
  const published = developmentSigner(service).privateKey.export({ format: 'jwk' }).d;
  if (isProduction(env) && (isDevelopmentKeyId(keyId) || jwk.d === published)) {
    throw new Error('HOP_SIGNING_KEY is a development key anyone can derive from this repository; generate real keys when NODE_ENV=production (npm run env:generate)');
  }
  return { keyId, service, privateKey };
}

function readTrusted(env: NodeJS.ProcessEnv): Map<string, KeyObject> {
  const set = readJson('HOP_TRUSTED_KEYS', env) as { keys?: (JsonWebKey & { kid?: string })[] } | undefined;
  if (!set) {
    if (isProduction(env)) throw new Error('HOP_TRUSTED_KEYS is required when NODE_ENV=production: the public keys of every service (npm run env:generate)');
    return new Map();
  }
  if (!Array.isArray(set.keys)) throw new Error('HOP_TRUSTED_KEYS must be a JSON Web Key Set: {"keys":[…]}');
  const trusted = new Map<string, KeyObject>();
  for (const jwk of set.keys) {
    if (!jwk.kid) throw new Error('every key in HOP_TRUSTED_KEYS needs a kid');
    if (jwk.d) throw new Error(`HOP_TRUSTED_KEYS holds the private part of ${jwk.kid}: the set is shared with every service, give public keys only`);
    if (isProduction(env) && isDevelopmentKeyId(jwk.kid)) throw new Error(`HOP_TRUSTED_KEYS trusts the development key ${jwk.kid} when NODE_ENV=production`);
    trusted.set(jwk.kid, importKey(jwk, `HOP_TRUSTED_KEYS ${jwk.kid}`, 'public'));
  }
  return trusted;
}

function readMacKeys(service: string, env: NodeJS.ProcessEnv): Map<string, KeyObject> {
  const set = readJson('HOP_MAC_KEYS', env) as { keys?: (JsonWebKey & { kid?: string })[] } | undefined;
  if (!set) {
    if (isProduction(env)) throw new Error(`HOP_MAC_KEYS is required when NODE_ENV=production: the keys the gateway authenticates its hops to ${service} with (npm run env:generate)`);
    return new Map();
  }
  if (!Array.isArray(set.keys)) throw new Error('HOP_MAC_KEYS must be a JSON Web Key Set: {"keys":[…]}');
  const keys = new Map<string, KeyObject>();
  for (const jwk of set.keys) {
    if (!jwk.kid || keyOwner(jwk.kid) !== 'gateway') throw new Error(`every key in HOP_MAC_KEYS needs the kid of the gateway key it comes from ("gateway:<version>"); one has "${jwk.kid ?? ''}"`);
    if (jwk.kty !== 'oct' || typeof jwk.k !== 'string' || Buffer.from(jwk.k, 'base64url').length < 32) throw new Error(`HOP_MAC_KEYS ${jwk.kid} must be a symmetric JSON Web Key (kty oct) of at least 32 bytes`);
    if (isProduction(env) && isDevelopmentKeyId(jwk.kid)) throw new Error(`HOP_MAC_KEYS holds the development key ${jwk.kid} when NODE_ENV=production`);
    keys.set(jwk.kid, createSecretKey(Buffer.from(jwk.k, 'base64url')));
  }
  return keys;
}

/**
 * The keys of `service`: HOP_SIGNING_KEY (its private JWK, or HOP_SIGNING_KEY_FILE)
 * and HOP_TRUSTED_KEYS (the public JWKS, or HOP_TRUSTED_KEYS_FILE). Without them,
 * outside production, every service's development key is used and trusted.
 */
export function readHopKeys(service: string, env = process.env): HopKeys {
  let signer: HopSigner | null = null;
  let trusted: Map<string, KeyObject> | null = null;
  let macKeys: Map<string, KeyObject> | null = null;
  const development = !isProduction(env);
  const derived = new Map<string, KeyObject>();
  const derivedMac = new Map<string, KeyObject>();
  return {
    service,
    get signer() {
      signer ??= readSigner(service, env);
      return signer;
    },
    publicKey(keyId) {
      trusted ??= readTrusted(env);
      const found = trusted.get(keyId);
      if (found) return found;
      if (!development || !isDevelopmentKeyId(keyId)) return null;
      if (!derived.has(keyId)) derived.set(keyId, createPublicKey(developmentSigner(keyOwner(keyId)).privateKey));
      return derived.get(keyId)!;
    },
    macKey(keyId) {
      macKeys ??= readMacKeys(service, env);
      const found = macKeys.get(keyId);
      if (found) return found;
      if (!development || !isDevelopmentKeyId(keyId) || keyOwner(keyId) !== 'gateway') return null;
      if (!derivedMac.has(keyId)) derivedMac.set(keyId, deriveMacKey(developmentSigner('gateway'), service));
      return derivedMac.get(keyId)!;
    },
  };
}

/** Development keys for `service` whatever the environment says: for tests and local tools. */
export const developmentHopKeys = (service: string): HopKeys => readHopKeys(service, { NODE_ENV: 'development' });

/** A fresh key pair for `keyId`: the private JWK for its service alone, the public one for the shared set. */
export function generateHopKey(keyId: string): { privateJwk: JsonWebKey & { kid: string }; publicJwk: JsonWebKey & { kid: string } } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const privateJwk = { ...privateKey.export({ format: 'jwk' }), kid: keyId, alg: 'EdDSA', use: 'sig' };
  const { d: _secret, ...publicJwk } = privateJwk;
  return { privateJwk, publicJwk };
}
