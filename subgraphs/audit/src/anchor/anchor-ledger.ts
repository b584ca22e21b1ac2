import fs from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import { type AnchorLine, anchorSignatureHolds, lineHash } from './anchor-line';

/** One anchored point of a ticket's chain: event #lastSeq had hash lastHash when anchor #anchorSeq was signed at `at`. */
export interface AnchoredPoint {
  lastSeq: number;
  lastHash: string;
  at: string;
  anchorSeq: number;
}

const NEWLINE = 0x0a;
const CHUNK = 8 << 20;

/**
 * What the anchor file says, read incrementally: each refresh reads only the
 * bytes appended since the last one. Lines whose signature fails are named and
 * ignored; a line that does not follow the one before (by `seq` and `prev`)
 * is named, since anchors were removed or inserted there.
 */
export class AnchorLedger {
  private offset = 0;
  private prevHash: string | null = null;
  private lastSeq = 0;
  private lineNumber = 0;
  private readonly points = new Map<string, AnchoredPoint[]>();
  readonly problems: string[] = [];
  private reading: Promise<void> = Promise.resolve();
  private shrank = false;

  constructor(
    readonly file: string,
    private readonly verifyKey: KeyObject,
  ) {}

  pointsOf(ticketId: string): AnchoredPoint[] {
    return this.points.get(ticketId) ?? [];
  }

  tickets(): IterableIterator<string> {
    return this.points.keys();
  }

  /** Reads what was appended since; concurrent callers take turns, so no line is read twice. */
  refresh(): Promise<void> {
    const next = this.reading.catch(() => undefined).then(() => this.readAppended());
    this.reading = next;
    return next;
  }

  private async readAppended(): Promise<void> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      const { size } = await handle.stat();
      if (size < this.offset) {
        // named once; what was read before stays the reference
        if (!this.shrank) this.problems.push(`the anchor file ${this.file} shrank from ${this.offset} to ${size} bytes: anchors were removed`);
        this.shrank = true;
        return;
      }
      let pending = Buffer.alloc(0);
      while (this.offset + pending.length < size) {
        const length = Math.min(CHUNK, size - this.offset - pending.length);
        const { buffer } = await handle.read(Buffer.alloc(length), 0, length, this.offset + pending.length);
        pending = Buffer.concat([pending, buffer]);
        let end: number;
        while ((end = pending.indexOf(NEWLINE)) >= 0) {
          this.take(pending.subarray(0, end));
          this.offset += end + 1;
          pending = pending.subarray(end + 1);
        }
      }
      // an incomplete last line (being written) is read again next time
    } finally {
      await handle.close();
    }
  }

  private take(raw: Buffer): void {
    this.lineNumber += 1;
    if (raw.length === 0) return;
    const where = `anchor file line ${this.lineNumber}`;
    let line: AnchorLine;
    try {
      line = JSON.parse(raw.toString('utf8')) as AnchorLine;
    } catch {
      this.problems.push(`${where} is not JSON`);
      return;
    }
    const valid = anchorSignatureHolds(line, this.verifyKey) && Array.isArray(line.heads);
    if (!valid) this.problems.push(`${where} (anchor #${String(line.seq)}) is not signed by the anchor key: ignored`);
    else if (line.seq !== this.lastSeq + 1 || line.prev !== this.prevHash) {
      this.problems.push(`${where} (anchor #${line.seq}) does not follow anchor #${this.lastSeq}: anchors were removed or inserted before it`);
    }
    this.prevHash = lineHash(raw);
    if (!valid) return;
    this.lastSeq = line.seq;
    for (const [ticketId, lastSeq, lastHash] of line.heads) {
      const point = { lastSeq, lastHash, at: line.at, anchorSeq: line.seq };
      const known = this.points.get(ticketId);
      if (known) known.push(point);
      else this.points.set(ticketId, [point]);
    }
  }
}
