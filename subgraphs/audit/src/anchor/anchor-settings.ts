import fs from 'node:fs';
import path from 'node:path';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readMilliseconds, readString } from '../../../../schema/config/env';

/**
 * Anchors: the chain heads, signed with a key the audit database never holds
 * and appended to a file outside it. Whoever can rewrite the database can
 * recompute every hash in it, but not sign for the heads that were there.
 */
export interface AnchorSettings {
  /** JSON lines, only ever appended to; best on storage the database's administrators cannot rewrite. */
  file: string;
  /** Ed25519 private key: signs new anchors. Absent where anchors are only checked. */
  signingKey: KeyObject | null;
  /** Ed25519 public key: checks them (derived from the private key when not given). */
  verifyKey: KeyObject;
  /** How often the audit service anchors the heads that changed; 0: only at stop and `npm run audit:verify`. */
  intervalMs: number;
}

/** A PEM in the variable itself (`\n` may be written as the two characters) or the path of a PEM file. */
function readPem(name: string, env: NodeJS.ProcessEnv): string | null {
  const raw = readString(name, '', env);
  if (!raw) return null;
  if (raw.includes('-----BEGIN')) return raw.replaceAll('\\n', '\n');
  try {
    return fs.readFileSync(raw, 'utf8');
  } catch {
    throw new Error(`${name} is neither a PEM key nor a readable key file`);
  }
}

function ed25519(name: string, read: () => KeyObject): KeyObject {
  let key: KeyObject;
  try {
    key = read();
  } catch {
    throw new Error(`${name} is not a key node:crypto can read`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${name} must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

/** `AUDIT_ANCHOR_KEY` / `AUDIT_ANCHOR_PUBLIC_KEY` / `AUDIT_ANCHOR_FILE` / `AUDIT_ANCHOR_INTERVAL_MS`; null: no anchors. */
export function readAnchorSettings(env = process.env): AnchorSettings | null {
  const privatePem = readPem('AUDIT_ANCHOR_KEY', env);
  const publicPem = readPem('AUDIT_ANCHOR_PUBLIC_KEY', env);
  if (!privatePem && !publicPem) return null;
  const signingKey = privatePem ? ed25519('AUDIT_ANCHOR_KEY', () => createPrivateKey(privatePem)) : null;
  const verifyKey = publicPem ? ed25519('AUDIT_ANCHOR_PUBLIC_KEY', () => createPublicKey(publicPem)) : createPublicKey(signingKey!);
  const dataDir = path.resolve(readString('DATA_DIR', 'data', env));
  return {
    file: path.resolve(readString('AUDIT_ANCHOR_FILE', path.join(dataDir, 'audit-anchors.jsonl'), env)),
    signingKey,
    verifyKey,
    intervalMs: readMilliseconds('AUDIT_ANCHOR_INTERVAL_MS', 60_000, env),
  };
}
