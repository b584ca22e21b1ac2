import { TraceFlags, trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * One JSON line per event on stdout, for the city's log collector. Each line
 * names its service and, when written inside a sampled span, the trace id. The
 * lines about one request (its access line, its errors) carry its request id,
 * given where they are written (observability/request-id.ts): the id a caller
 * reports leads to every such line of every service that touched the request.
 */
const root = pino({
  level: process.env.LOG_LEVEL || 'info',
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin() {
    const fields: Record<string, string> = {};
    const span = trace.getActiveSpan()?.spanContext();
    // only a sampled span's trace is exported: an id that leads nowhere would send a reader looking in vain
    if (span && trace.isSpanContextValid(span) && span.traceFlags & TraceFlags.SAMPLED) {
      fields.traceId = span.traceId;
      fields.spanId = span.spanId;
    }
    return fields;
  },
});

const byService = new Map<string, Logger>();

/** The logger of one service; tests that run several services in one process get one per service. */
export function serviceLogger(service: string): Logger {
  let logger = byService.get(service);
  if (!logger) {
    logger = root.child({ service });
    byService.set(service, logger);
  }
  return logger;
}
