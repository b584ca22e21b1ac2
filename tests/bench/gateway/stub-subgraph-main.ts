import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse } from 'graphql';
import { stubSchema, stubSubgraph } from './workload/stub-subgraph';

/**
 * One stub subgraph as a process of its own: `node stub-subgraph-main.js <name>`,
 * on PORT (0 picks one); prints `{"listening": url}` once it listens. Its data
 * never changes, so an answer is computed once per distinct request body and
 * then sent from memory: the stubs must cost next to nothing, or the benchmark
 * measures them instead of the gateways. Headers (the gateway's signed
 * identity among them) are read by nobody here: verifying them is the real
 * subgraphs' cost, not the gateway's.
 */
const subgraph = stubSubgraph(process.argv[2] ?? '');
const schema = stubSchema(subgraph);
const answers = new Map<string, Promise<string>>();
/** What the benchmark reads with a GET: how many fetches the gateways sent, and how many different ones. */
let fetches = 0;

async function answer(body: string): Promise<string> {
  const { query, variables, operationName } = JSON.parse(body) as { query: string; variables?: Record<string, unknown>; operationName?: string };
  const result = await execute({ schema, document: parse(query), variableValues: variables, operationName });
  return JSON.stringify(result);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ fetches, distinct: answers.size }));
  fetches++;
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    let cached = answers.get(body);
    if (!cached) answers.set(body, (cached = answer(body)));
    cached.then(
      (json) => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json),
      (error: Error) => {
        answers.delete(body);
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: error.message }] }));
      },
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ listening: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
});
process.on('SIGTERM', () => process.exit(0));
