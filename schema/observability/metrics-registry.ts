import { collectDefaultMetrics, type Metric, Registry } from 'prom-client';

const byService = new Map<string, Registry>();

/**
 * The Prometheus registry of one service. Never prom-client's global one: the
 * in-process test stack runs every service in one process, and each service's
 * metrics must stay its own (and a second app of the same service must not
 * throw "already registered"). Every series carries `service`.
 */
export function serviceMetrics(service: string): Registry {
  let registry = byService.get(service);
  if (!registry) {
    registry = new Registry();
    registry.setDefaultLabels({ service });
    byService.set(service, registry);
  }
  return registry;
}

/** The metric registered under `name`, or the one `create` registers: apps built twice share their metrics. */
export function metric<M extends Metric>(registry: Registry, name: string, create: (registers: Registry[]) => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create([registry]);
}

const withProcessMetrics = new WeakSet<Registry>();
const EVENT_LOOP_SAMPLE_MS = 100;

/**
 * CPU, memory, event-loop lag, GC and handles of this process. Called by the
 * process entries only: they describe the process, and the in-process test
 * stack (six services, one process) has no use for six copies of them.
 */
export function collectProcessMetrics(registry: Registry): void {
  if (withProcessMetrics.has(registry)) return;
  withProcessMetrics.add(registry);
  // the event-loop lag is sampled by a libuv timer: prom-client's default of every 10 ms woke each process 100 times
  // a second, ~9 ms of CPU a second per process with no request at all (most of an idle federation's CPU); every
  // 100 ms still catches any stall long enough to matter to a caller
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
}

