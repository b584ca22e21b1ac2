import fs from 'node:fs/promises';
import path from 'node:path';
import { type DataSource, MoreThanOrEqual } from 'typeorm';
import { TrailHead } from '../trail/trail-head.entity';
import { type AnchorBody, type AnchorLine, lineHash, signAnchor } from './anchor-line';
import type { AnchorSettings } from './anchor-settings';

/** Heads per line: a line stays a few hundred kilobytes however many tickets changed. */
const HEADS_PER_LINE = 2000;
const TAIL_BYTES = 1 << 20;
/**
 * A delivery stamps its head with the time it started and commits a moment
 * later; heads are re-anchored from this long before the last anchor, so one
 * committing across an anchor is not skipped. Anchoring a head twice is harmless.
 */
const OVERLAP_MS = 5 * 60_000;

/** The file's last complete line (its text and, if it parses, its content); read from the end, not the whole file. */
async function lastLine(file: string): Promise<{ text: string; line: AnchorLine | null } | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const { buffer } = await handle.read(Buffer.alloc(length), 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n').filter(Boolean);
    const text = lines.at(-1);
    if (text === undefined) return null;
    try {
      return { text, line: JSON.parse(text) as AnchorLine };
    } catch {
      return { text, line: null };
    }
  } finally {
    await handle.close();
  }
}

/**
 * Signs the heads that changed since the last anchor (all of them the first
 * time) and appends them to the anchor file, synced to disk before returning.
 * Returns how many heads were anchored; 0 writes nothing.
 */
export async function writeAnchor(dataSource: DataSource, settings: AnchorSettings, now = new Date()): Promise<number> {
  if (!settings.signingKey) throw new Error('AUDIT_ANCHOR_KEY is not set: anchors can be checked here, not written');
  const last = await lastLine(settings.file);
  const since = last?.line?.at ? new Date(Date.parse(last.line.at) - OVERLAP_MS) : null;
  const heads = await dataSource.getRepository(TrailHead).find({
    select: { ticketId: true, lastSeq: true, lastHash: true },
    where: since ? { updatedAt: MoreThanOrEqual(since) } : {},
    order: { ticketId: 'ASC' },
  });
  const anchored = heads.filter((head) => head.lastSeq > 0);
  if (anchored.length === 0) return 0;
  let prev = last ? lineHash(last.text) : null;
  let seq = last?.line?.seq ?? 0;
  const texts: string[] = [];
  for (let start = 0; start < anchored.length; start += HEADS_PER_LINE) {
    const body: AnchorBody = {
      v: 1, seq: (seq += 1), at: now.toISOString(), prev,
      heads: anchored.slice(start, start + HEADS_PER_LINE).map((head) => [head.ticketId, head.lastSeq, head.lastHash]),
    };
    const text = JSON.stringify(signAnchor(body, settings.signingKey));
    texts.push(text);
    prev = lineHash(text);
  }
  await fs.mkdir(path.dirname(settings.file), { recursive: true });
  const handle = await fs.open(settings.file, 'a');
  try {
    await handle.write(`${texts.join('\n')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return anchored.length;
}
