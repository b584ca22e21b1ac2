/**
 * Handling times are kept as counts per bucket, so a percentile over any
 * period is a sum of rows, not a scan of every assignment: a quarter hour wide
 * up to 8 working hours, an hour up to 120 (five working days), 8 hours up to
 * 720 (thirty), then one bucket for anything longer. A percentile is reported
 * as the upper edge of the bucket it falls in, so it is exact to that width.
 */
const EDGES_SECONDS: readonly number[] = (() => {
  const edges: number[] = [];
  for (let at = 900; at <= 8 * 3600; at += 900) edges.push(at);
  for (let at = 9 * 3600; at <= 120 * 3600; at += 3600) edges.push(at);
  for (let at = 128 * 3600; at <= 720 * 3600; at += 8 * 3600) edges.push(at);
  return edges;
})();

/** The last bucket: longer than the last edge. */
export const OVERFLOW_BUCKET = EDGES_SECONDS.length;

/** The bucket a handling time falls in; an edge belongs to the bucket it closes. */
export function bucketOf(seconds: number): number {
  let low = 0;
  let high = EDGES_SECONDS.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (EDGES_SECONDS[middle] < seconds) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A bucket's upper edge in working hours; the overflow bucket reports the last edge (720 means "720 or more"). */
export const bucketHours = (bucket: number): number => EDGES_SECONDS[Math.min(bucket, EDGES_SECONDS.length - 1)] / 3600;

export type Histogram = Map<number, number>;

export function parseHistogram(text: string | null | undefined, into: Histogram = new Map(), sign = 1): Histogram {
  if (!text) return into;
  for (const pair of text.split(',')) {
    const [bucket, count] = pair.split(':').map(Number);
    into.set(bucket, (into.get(bucket) ?? 0) + sign * count);
  }
  return into;
}

export function formatHistogram(histogram: Histogram): string | null {
  const pairs = [...histogram].filter(([, count]) => count !== 0).sort(([a], [b]) => a - b);
  return pairs.length ? pairs.map(([bucket, count]) => `${bucket}:${count}`).join(',') : null;
}

/** Nearest rank: the upper edge of the bucket holding the ⌈q·n⌉-th shortest time; null without any. */
export function percentileHours(histogram: Histogram, q: number): number | null {
  const total = [...histogram.values()].reduce((sum, count) => sum + count, 0);
  if (total <= 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (const [bucket, count] of [...histogram].sort(([a], [b]) => a - b)) {
    seen += count;
    if (seen >= rank) return bucketHours(bucket);
  }
  return bucketHours(OVERFLOW_BUCKET);
}
