import type { Tracing } from './tracer-provider';

/**
 * OpenTelemetry tracing of this process. Every process entry imports this
 * module first, before express, http, mysql2 or undici load, so the
 * instrumentations can wrap them.
 *
 * On only when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) and not switched off (OTEL_SDK_DISABLED=true,
 * OTEL_TRACES_EXPORTER=none). Off, not one SDK module is loaded, nothing is
 * wrapped and nothing phones out; log lines then carry the request id, and no
 * trace id (there is no trace to look up).
 */
export function tracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** The service an entry runs, from where it lies: `…/subgraphs/water/src/main.js` is water, `…/gateway/src/main.js` the gateway. */
export function serviceOfEntry(entry: string): string {
  const match = /(?:subgraphs[\\/]([^\\/]+)|(gateway|registry))[\\/]src[\\/][^\\/]+$/.exec(entry);
  return match?.[1] ?? match?.[2] ?? 'hotline';
}

let tracing: Tracing | null = null;
if (tracingEnabled()) {
  // required only when on (an import would load the SDK for everyone)
  const { startTracing } = require('./tracer-provider') as typeof import('./tracer-provider');
  tracing = startTracing(process.env.OTEL_SERVICE_NAME || serviceOfEntry(require.main?.filename ?? ''));
}

/** Sends the spans still buffered, within `budgetMs`: the last stop step of a process. Nothing to do when off. */
export function stopTracing(budgetMs = 300): Promise<void> {
  return tracing?.shutdown(budgetMs) ?? Promise.resolve();
}
