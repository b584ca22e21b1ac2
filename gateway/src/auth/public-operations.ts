import { createHash } from 'node:crypto';
import { readString } from '../../../schema/config/env';

/** The hash a public operation is listed under: sha256 of its exact text, as `printf %s "$QUERY" | sha256sum` prints it. */
export const operationHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * `PUBLIC_OPERATIONS`: the operations anyone may send without a token, as the
 * sha256 of each one's exact text, comma-separated. Empty (the default): every
 * operation needs a token. A listed operation still meets the subgraphs' own
 * role checks; listing it only lets it past the gateway's door.
 */
export function readPublicOperations(env = process.env): string[] {
  const hashes = readString('PUBLIC_OPERATIONS', '', env)
    .split(',')
    .map((hash) => hash.trim().toLowerCase())
    .filter(Boolean);
  for (const hash of hashes) {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`PUBLIC_OPERATIONS: "${hash}" is not the sha256 (64 hex digits) of an operation's text`);
  }
  return hashes;
}
