import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from '../trail/trail-hash';

/** [ticketId, lastSeq, lastHash]: a ticket's chain head as it stood when anchored. */
export type AnchoredHeadTuple = [ticketId: string, lastSeq: number, lastHash: string];

/** One line of the anchor file. `prev` chains the lines, so a line taken out of the middle shows. */
export interface AnchorBody {
  v: 1;
  /** 1, 2, 3… through the file */
  seq: number;
  /** When the heads were read (ISO 8601) */
  at: string;
  /** sha256 of the previous line's text; null for the first */
  prev: string | null;
  heads: AnchoredHeadTuple[];
}
export interface AnchorLine extends AnchorBody {
  /** Ed25519 over the canonical JSON of the other fields, base64 */
  sig: string;
}

export const lineHash = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

export function signAnchor(body: AnchorBody, key: KeyObject): AnchorLine {
  return { ...body, sig: sign(null, Buffer.from(canonicalJson(body)), key).toString('base64') };
}

export function anchorSignatureHolds(line: AnchorLine, key: KeyObject): boolean {
  const { sig, ...body } = line;
  try {
    return typeof sig === 'string' && verify(null, Buffer.from(canonicalJson(body)), key, Buffer.from(sig, 'base64'));
  } catch {
    return false;
  }
}
