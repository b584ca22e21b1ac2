import fs from 'node:fs';
import http from 'node:http';

/**
 * One load process of the attack benchmark: its clients, each from its own
 * local address (127.0.0.x) with its own token, send their bodies in turn as
 * fast as they are answered until the time is up, then it prints what came
 * back as one JSON line. Run as a child of attack.bench.ts, so its CPU is not
 * the gateway's; the attackers are processes of the same kind.
 */
export interface TrafficClient {
  address: string;
  token: string | null;
  concurrency: number;
  /** JSON bodies, sent in turn. */
  bodies: string[];
}

export interface TrafficSpec {
  url: string;
  durationMs: number;
  clients: TrafficClient[];
}

export interface TrafficResult {
  sent: number;
  /** HTTP 200 without GraphQL errors. */
  ok: number;
  byStatus: Record<string, number>;
  p50: number;
  p95: number;
  /** CPU this load process itself used (ms): on one machine, what the attackers take is not the gateway's doing. */
  cpuMs: number;
}

function send(agent: http.Agent, url: URL, client: TrafficClient, body: string): Promise<{ status: number; clean: boolean }> {
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  if (client.token) headers.authorization = `Bearer ${client.token}`;
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers, localAddress: client.address }, (response) => {
      let errors = false;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (errors ||= chunk.includes('"errors"')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, clean: !errors }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function run(spec: TrafficSpec): Promise<TrafficResult> {
  const url = new URL('/graphql', spec.url);
  const deadline = Date.now() + spec.durationMs;
  const latencies: number[] = [];
  const byStatus: Record<string, number> = {};
  let ok = 0;
  let failures = 0;
  await Promise.all(
    spec.clients.map((client) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: client.concurrency, localAddress: client.address } as http.AgentOptions);
      let turn = 0;
      const workers = Array.from({ length: client.concurrency }, async () => {
        while (Date.now() < deadline) {
          const started = performance.now();
          const { status, clean } = await send(agent, url, client, client.bodies[turn++ % client.bodies.length]).catch((error: Error) => {
            if (!failures++) console.error(`first failure: ${error.message}`);
            return { status: 0, clean: false };
          });
          latencies.push(performance.now() - started);
          byStatus[status] = (byStatus[status] ?? 0) + 1;
          if (status === 200 && clean) ok += 1;
        }
      });
      return Promise.all(workers).then(() => agent.destroy());
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => +(latencies[Math.floor(latencies.length * q)] ?? 0).toFixed(1);
  const { user, system } = process.cpuUsage();
  return { sent: latencies.length, ok, byStatus, p50: at(0.5), p95: at(0.95), cpuMs: Math.round((user + system) / 1000) };
}

if (require.main === module) {
  // the spec is a file: a 70 KB bomb is too long for one command-line argument
  run(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as TrafficSpec).then(
    (result) => console.log(JSON.stringify(result)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
