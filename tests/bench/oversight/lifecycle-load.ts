import fs from 'node:fs';
import http from 'node:http';

/**
 * One load process of the oversight benchmark: tickets taken through their
 * lifecycle (create, dispatch, accept, report) at a fixed rate of state
 * changes, paced by one clock however fast the answers come; prints one JSON
 * line. A child process, so its CPU is not the services'.
 */
export interface LoadSpec {
  url: string;
  operatorToken: string;
  staffToken: string;
  changesPerSecond: number;
  durationMs: number;
}

export interface LoadResult {
  changes: number;
  failures: number;
  p50: number;
  p95: number;
  seconds: number;
}

const STEPS = [
  { as: 'operator', query: 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } } }' },
  { as: 'operator', query: 'mutation($input: DispatchTicketInput!) { dispatchTicket(input: $input) { ticket { assignments { id } } } }' },
  { as: 'staff', query: 'mutation($id: ID!) { acceptAssignment(input: { id: $id }) { assignment { id } } }' },
  { as: 'staff', query: 'mutation($id: ID!) { reportResult(input: { id: $id, result: "已修复 Fixed" }) { assignment { id } } }' },
] as const;

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

function post(spec: LoadSpec, token: string, body: object): Promise<any> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(new URL('/graphql', spec.url), { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), authorization: `Bearer ${token}` } }, (response) => {
      let answer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (answer += chunk));
      response.on('end', () => resolve(JSON.parse(answer)));
    });
    request.on('error', reject);
    request.end(text);
  });
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const started = Date.now();
  const interval = 1000 / spec.changesPerSecond;
  let issued = 0;
  let failures = 0;
  const latencies: number[] = [];
  // the n-th change may start at started + n × interval: a slow answer delays that ticket, never the rate
  const permit = async () => {
    const slot = issued++;
    const wait = started + slot * interval - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return started + slot * interval < started + spec.durationMs;
  };
  const worker = async () => {
    for (;;) {
      let ticketId = '';
      let assignmentId = '';
      for (const [index, step] of STEPS.entries()) {
        if (!(await permit())) return;
        const variables =
          index === 0 ? { input: { channel: 'PHONE', content: '路灯不亮 Streetlight out', categoryCode: 'streetlight_out', citizenPhone: '13912345678' } }
          : index === 1 ? { input: { ticketId, departmentCodes: ['streetlight'] } }
          : { id: assignmentId };
        const sent = Date.now();
        const answer = await post(spec, step.as === 'operator' ? spec.operatorToken : spec.staffToken, { query: step.query, variables }).catch(() => null);
        latencies.push(Date.now() - sent);
        if (!answer?.data || answer.errors) {
          // the first refusal says why; the rest only count
          if (failures++ === 0) console.error(`${STEPS[index].query.slice(0, 40)}…: ${JSON.stringify(answer?.errors ?? answer).slice(0, 400)}`);
          break;
        }
        if (index === 0) ticketId = answer.data.createTicket.ticket.id;
        if (index === 1) assignmentId = answer.data.dispatchTicket.ticket.assignments[0].id;
      }
    }
  };
  await Promise.all(Array.from({ length: 24 }, worker));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { changes: latencies.length - failures, failures, p50: at(0.5), p95: at(0.95), seconds: (Date.now() - started) / 1000 };
}

run(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as LoadSpec).then(
  (result) => {
    console.log(JSON.stringify(result));
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
