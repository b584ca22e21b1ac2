import 'reflect-metadata';
import { CREATE_TICKET, TICKET_EVERYWHERE, TICKET_FIELDS, ticketInput } from '../support/operations';
import { tokenFor } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

/**
 * Throughput and latency of the operations an operator console runs most,
 * through the gateway, with every service in this one process (so the numbers
 * include the client's own CPU: a floor, not a ceiling).
 *   npm run bench                 # on the local MariaDB (TEST_DATABASE_URL)
 *   npm run bench -- --embedded   # on the embedded SQLite default
 */
interface Result {
  name: string;
  requests: number;
  concurrency: number;
  seconds: number;
  p50: number;
  p95: number;
  sqlPerRequest: Record<string, number>;
}

async function measure(stack: Stack, name: string, requests: number, concurrency: number, send: (i: number) => Promise<void>): Promise<Result> {
  const before = Object.fromEntries(Object.entries(stack.subgraphs).map(([key, running]) => [key, running.data.queries.count]));
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next++;
        const t0 = performance.now();
        await send(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const sqlPerRequest = Object.fromEntries(
    Object.entries(stack.subgraphs).map(([key, running]) => [key, +((running.data.queries.count - before[key]) / requests).toFixed(1)]),
  );
  return { name, requests, concurrency, seconds, p50: latencies[Math.floor(requests * 0.5)], p95: latencies[Math.floor(requests * 0.95)], sqlPerRequest };
}

/** A keep-alive client, as a console's browser would be; supertest would open a connection per request. */
async function ok(stack: Stack, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${stack.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('operator')}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function main() {
  const embedded = process.argv.includes('--embedded');
  console.log(`starting the federation on ${embedded ? 'embedded SQLite' : 'MariaDB'}…`);
  const stack = await startStack({ engine: embedded ? 'embedded' : 'mysql', sampleTickets: 360 });
  try {
    const ids: string[] = [];
    const results = [
      await measure(stack, 'createTicket', 300, 10, async (i) => {
        const data = await ok(stack, CREATE_TICKET, {
          input: ticketInput({ latitude: 32.25 + (i % 11) * 0.01, longitude: 118.25 + (i % 13) * 0.01 }),
        });
        ids.push(data.createTicket.id);
      }),
      await measure(stack, 'ticket(id) with all 4 subgraphs', 500, 10, async (i) => {
        await ok(stack, TICKET_EVERYWHERE, { id: ids[i % ids.length] });
      }),
      await measure(stack, 'tickets(first: 50) with all 4 subgraphs', 100, 4, async () => {
        await ok(stack, `query { tickets(first: 50) { nodes { ${TICKET_FIELDS} } } }`, {});
      }),
    ];
    console.log('\noperation                                 requests  conc.   req/s   p50 ms   p95 ms   SQL per request');
    for (const r of results) {
      console.log(
        `${r.name.padEnd(42)}${String(r.requests).padStart(8)}${String(r.concurrency).padStart(7)}${(r.requests / r.seconds).toFixed(0).padStart(8)}` +
          `${r.p50.toFixed(1).padStart(9)}${r.p95.toFixed(1).padStart(9)}   ${JSON.stringify(r.sqlPerRequest)}`,
      );
    }
  } finally {
    await stack.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
