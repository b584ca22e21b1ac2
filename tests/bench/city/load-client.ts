import fs from 'node:fs';
import http from 'node:http';

/**
 * The bench's client, a process of its own so its CPU is not counted as the
 * gateway's: `concurrency` keep-alive connections, each sending the next body
 * as soon as its last answer arrived, until the time is up or every body was
 * sent once (`once`, for mutations that may run only once per target). Prints
 * one JSON line.
 */
export interface LoadSpec {
  url: string;
  token: string;
  bodies: string[];
  concurrency: number;
  durationMs: number;
  once?: boolean;
}

export interface LoadResult {
  requests: number;
  /** HTTP 200 with data and no GraphQL errors. */
  ok: number;
  firstError: string | null;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  clientCpuMs: number;
}

function post(agent: http.Agent, url: URL, token: string, body: string): Promise<{ ok: boolean; text: string }> {
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` };
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ ok: response.statusCode === 200 && !text.includes('"errors"'), text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL('/graphql', spec.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const latencies: number[] = [];
  let next = 0;
  let ok = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const deadline = started + spec.durationMs;
  await Promise.all(
    Array.from({ length: spec.concurrency }, async () => {
      while (performance.now() < deadline && (!spec.once || next < spec.bodies.length)) {
        const body = spec.bodies[next++ % spec.bodies.length];
        const t0 = performance.now();
        const answer = await post(agent, url, spec.token, body).catch((error: Error) => ({ ok: false, text: error.message }));
        latencies.push(performance.now() - t0);
        if (answer.ok) ok += 1;
        else firstError ??= answer.text.slice(0, 400);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => +(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0).toFixed(1);
  const { user, system } = process.cpuUsage();
  return { requests: latencies.length, ok, firstError, seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1), clientCpuMs: Math.round((user + system) / 1000) };
}

if (require.main === module) {
  runLoad(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as LoadSpec).then(
    (result) => console.log(JSON.stringify(result)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
