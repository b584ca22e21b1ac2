/** One line of `POST /usage`: how often an operation (by name and client) selected these coordinates. */
export interface OperationUsage {
  name: string;
  client: string | null;
  coordinates: string[];
  count: number;
}

/**
 * Counts operations between flushes, one entry per (name, client, coordinates),
 * so a busy gateway sends a few lines, not one per request. Bounded: while the
 * registry is unreachable, failed batches come back here, and a gateway must
 * not grow without limit because its registry is down.
 */
export class UsageBuffer {
  private readonly entries = new Map<string, OperationUsage>();
  dropped = 0;

  constructor(private readonly maxEntries = 5000) {}

  add(usage: OperationUsage): void {
    const key = JSON.stringify([usage.name, usage.client, usage.coordinates]);
    const entry = this.entries.get(key);
    if (entry) entry.count += usage.count;
    else if (this.entries.size < this.maxEntries) this.entries.set(key, { ...usage });
    else this.dropped += usage.count;
  }

  /** Everything counted so far; the buffer starts again empty. */
  take(): OperationUsage[] {
    const batch = [...this.entries.values()];
    this.entries.clear();
    return batch;
  }
}
