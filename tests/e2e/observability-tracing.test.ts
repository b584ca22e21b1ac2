import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CREATE_TICKET, ticketInput } from '../support/operations';
import { tokenFor } from '../support/personas';
import { startProcessStack, type ProcessStack } from '../support/process-stack';

jest.setTimeout(180_000);

/** A span as OTLP/HTTP JSON carries it, with the service that sent it. */
interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

const SPAN_KIND = { SERVER: 2, CLIENT: 3 } as const;

/** mysql2's instrumentation names the system in `db.system.name` (newer semantic conventions) or `db.system`. */
const isSql = (span: ExportedSpan) => span.attributes['db.system.name'] === 'mysql' || span.attributes['db.system'] === 'mysql';

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: Array<{ spans?: Array<Omit<ExportedSpan, 'service' | 'attributes'> & { attributes?: OtlpAttribute[] }> }>;
  }>;
}

const attributes = (list: OtlpAttribute[] = []) =>
  Object.fromEntries(list.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue]));

/** The smallest OTLP/HTTP collector: keeps every span posted to /v1/traces. */
async function startCollector(): Promise<{ url: string; spans: ExportedSpan[]; contentTypes: Set<string>; close(): Promise<void> }> {
  const spans: ExportedSpan[] = [];
  const contentTypes = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      contentTypes.add(String(req.headers['content-type']));
      if (req.method === 'POST' && req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
        for (const resource of body.resourceSpans ?? []) {
          const service = String(attributes(resource.resource?.attributes)['service.name']);
          for (const scope of resource.scopeSpans ?? []) {
            for (const span of scope.spans ?? []) spans.push({ ...span, service, attributes: attributes(span.attributes) });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    contentTypes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let collector: Awaited<ReturnType<typeof startCollector>>;
let stack: ProcessStack;
beforeAll(async () => {
  collector = await startCollector();
  stack = await startProcessStack({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100' } });
});
afterAll(async () => {
  await stack?.close();
  await collector?.close();
});

async function eventually<T>(probe: () => T, done: (value: T) => boolean, seconds: number): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  while (!done(probe()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return probe();
}

const TICKET_WITH_WATER = 'query TicketWithWater($id: ID!) { ticket(id: $id) { number status water { zone { code nameZh } outages { kind active } } } }';

describe('one trace from the gateway through every subgraph to SQL', () => {
  it('shares one trace id across services, parents each subgraph span on the gateway’s fetch, and logs the trace id', async () => {
    const created = await stack.graphql(CREATE_TICKET, { input: ticketInput() });
    expect(created.body.errors).toBeUndefined();

    const requestId = `trace-test-${Date.now()}`;
    const response = await fetch(`${stack.gateway!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('operator')}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: TICKET_WITH_WATER, variables: { id: created.body.data.createTicket.ticket.id } }),
    });
    const body = (await response.json()) as { data: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data.ticket.water.zone).not.toBeNull();

    // the gateway's access-log line for this request names the trace
    const gatewayLine = await eventually(
      () => stack.gateway!.logs().find((line) => line.requestId === requestId && line.msg === 'request'),
      (line) => line !== undefined,
      5,
    );
    expect(gatewayLine).toBeDefined();
    const traceId = gatewayLine!.traceId as string;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);

    const inTrace = () => collector.spans.filter((span) => span.traceId === traceId);
    const servers = (spans: ExportedSpan[]) => new Set(spans.filter((span) => span.kind === SPAN_KIND.SERVER).map((span) => span.service));
    const complete = (spans: ExportedSpan[]) => ['gateway', 'intake', 'water'].every((name) => servers(spans).has(name)) && spans.some(isSql);
    const spans = await eventually(inTrace, complete, 10);
    expect(collector.contentTypes).toContain('application/json');

    // each subgraph's server span is a child of one of the gateway's client spans (its fetch)
    const gatewayClients = new Set(spans.filter((span) => span.service === 'gateway' && span.kind === SPAN_KIND.CLIENT).map((span) => span.spanId));
    for (const subgraph of ['intake', 'water']) {
      const server = spans.find((span) => span.service === subgraph && span.kind === SPAN_KIND.SERVER);
      expect(server).toBeDefined();
      expect(gatewayClients.has(server!.parentSpanId ?? '')).toBe(true);
    }

    // SQL spans in the same trace, their statements without the values
    const sql = spans.filter(isSql);
    expect(sql.length).toBeGreaterThan(0);
    expect(new Set(sql.map((span) => span.service))).toEqual(new Set(['intake', 'water']));
    for (const span of sql) {
      const statement = String(span.attributes['db.statement'] ?? span.attributes['db.query.text'] ?? '');
      expect(statement).not.toContain(created.body.data.createTicket.ticket.id);
    }

    // and every subgraph's access-log line for the request carries the same trace id
    for (const subgraph of ['intake', 'water'] as const) {
      const lines = stack.subgraphs[subgraph].logs().filter((line) => line.requestId === requestId && line.msg === 'request');
      expect(lines.length).toBeGreaterThan(0);
      expect(new Set(lines.map((line) => line.traceId))).toEqual(new Set([traceId]));
    }
  });

  it('starts no trace for probes, scrapes or background work', async () => {
    await Promise.all([fetch(`${stack.subgraphs.water.url}/readyz`), fetch(`${stack.subgraphs.water.url}/metrics`), fetch(`${stack.gateway!.url}/health`)]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const roots = collector.spans.filter((span) => !span.parentSpanId);
    expect(roots.length).toBeGreaterThan(0);
    // every trace begins at a request entering a service: the relays' polls and the registry's do not make one
    expect(roots.every((span) => span.kind === SPAN_KIND.SERVER)).toBe(true);
    const probed = collector.spans.filter((span) => /\/(readyz|livez|health|metrics)\b/.test(String(span.attributes['url.path'] ?? span.attributes['http.target'] ?? '')));
    expect(probed).toEqual([]);
  });

  it('stops cleanly within the deadline with tracing on (its last step sends the buffered spans)', async () => {
    const started = Date.now();
    stack.subgraphs.water.signal('SIGTERM');
    const { code } = await stack.subgraphs.water.exit;
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(stack.subgraphs.water.logs().some((line) => line.msg === 'stop step failed')).toBe(false);
  });
});
