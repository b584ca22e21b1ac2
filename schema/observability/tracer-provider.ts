import { DiagLogLevel, SpanKind, diag } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MySQL2Instrumentation } from '@opentelemetry/instrumentation-mysql2';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ParentBasedSampler, type Sampler, SamplingDecision } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { PROBE_PATHS } from '../http/probes';
import { serviceLogger } from './logger';

export interface Tracing {
  shutdown(budgetMs: number): Promise<void>;
}

/**
 * A trace begins where a request enters a service (a server span) and follows
 * it through every hop; W3C `traceparent` carries it from the gateway to each
 * subgraph. Background work (outbox relay polls, registry polls, start-up
 * introspection, migrations) starts none: thousands of idle polls a day would
 * bury the requests. OTEL_TRACES_SAMPLER, when set, replaces this rule.
 */
const requestsStartTraces: Sampler = {
  shouldSample: (_context, _traceId, _name, kind) => ({
    decision: kind === SpanKind.SERVER ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD,
  }),
  toString: () => 'RequestsStartTraces',
};

/** OTLP/HTTP (JSON) to OTEL_EXPORTER_OTLP_ENDPOINT; spans of HTTP in and out, Node's fetch (the gateway's fetcher) and mysql2. */
export function startTracing(service: string): Tracing {
  const logger = serviceLogger(service);
  diag.setLogger(
    {
      error: (message, ...args) => logger.warn({ otel: args }, `tracing: ${message}`),
      warn: (message, ...args) => logger.warn({ otel: args }, `tracing: ${message}`),
      info: () => undefined,
      debug: () => undefined,
      verbose: () => undefined,
    },
    DiagLogLevel.WARN,
  );
  const provider = new NodeTracerProvider({
    resource: defaultResource()
      .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }))
      .merge(detectResources({ detectors: [envDetector] })),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
    ...(process.env.OTEL_TRACES_SAMPLER ? {} : { sampler: new ParentBasedSampler({ root: requestsStartTraces }) }),
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => PROBE_PATHS.has((request.url ?? '').split('?')[0]) }),
      new UndiciInstrumentation(),
      // statements without their values: those hold citizens' names, phones and words
      new MySQL2Instrumentation({ maskStatement: true }),
    ],
  });
  logger.info({ exporter: 'otlp/http+json' }, 'tracing on');
  return {
    shutdown: async (budgetMs) => {
      const budget = new Promise<void>((resolve) => setTimeout(resolve, budgetMs).unref());
      await Promise.race([provider.shutdown().catch((error: unknown) => logger.warn({ err: error }, 'traces not flushed')), budget]);
    },
  };
}
