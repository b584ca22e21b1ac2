/** One sample of Prometheus' text exposition format: `name{label="value",…} value`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** The samples of a scrape (prom-client has no parser; the format is line-based and small). */
export function parseMetrics(text: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    if (!line || line.startsWith('#')) return [];
    const match = LINE.exec(line);
    if (!match) return [];
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) labels[key] = value.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    return [{ name: match[1], labels, value: Number(match[3]) }];
  });
}

/** The sum of the series named `name` whose labels include `labels` (0 when there is none). */
export function total(samples: Sample[], name: string, labels: Record<string, string | RegExp> = {}): number {
  return series(samples, name, labels).reduce((sum, sample) => sum + sample.value, 0);
}

export function series(samples: Sample[], name: string, labels: Record<string, string | RegExp> = {}): Sample[] {
  return samples.filter(
    (sample) =>
      sample.name === name &&
      Object.entries(labels).every(([key, want]) => (typeof want === 'string' ? sample.labels[key] === want : want.test(sample.labels[key] ?? ''))),
  );
}

/** GET a service's /metrics and parse it. */
export async function scrape(baseUrl: string): Promise<Sample[]> {
  const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`${baseUrl}/metrics answered ${response.status}`);
  return parseMetrics(await response.text());
}
