import { readMilliseconds } from '../config/env';
import type { Logger } from '../observability/logger';

/** How long a service may take from SIGTERM to exit: orchestrators kill it soon after, so finish well before. */
export const STOP_DEADLINE_MS = readMilliseconds('STOP_DEADLINE_MS', 1800);

export interface StopStep {
  /** Named in the log when it fails or overruns. */
  name: string;
  run(): Promise<void>;
}

/**
 * Stops a service on SIGTERM or SIGINT: runs its stop steps in order (stop
 * accepting, finish in-flight requests, flush the outbox, close the database),
 * then exits 0. If the steps overrun the deadline the process exits 1 anyway,
 * so a stuck dependency cannot keep a replica alive until someone kills it.
 * A second signal changes nothing: the first stop is already under way.
 */
export function stopOnSignals(logger: Logger, steps: () => StopStep[], deadlineMs = STOP_DEADLINE_MS): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    logger.info({ signal }, 'stopping');
    const deadline = setTimeout(() => {
      logger.error({ deadlineMs }, 'stop overran its deadline; exiting anyway');
      process.exit(1);
    }, deadlineMs);
    let failed = false;
    for (const step of steps()) {
      try {
        await step.run();
      } catch (error) {
        failed = true;
        logger.error({ step: step.name, err: error }, 'stop step failed');
      }
    }
    clearTimeout(deadline);
    logger.info({ ms: Date.now() - started }, 'stopped');
    process.exit(failed ? 1 : 0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Start-up failed: say why on one line and exit non-zero, so a supervisor restarts the process. */
export function exitOnStartupFailure(logger: Logger) {
  return (error: unknown) => {
    logger.fatal({ err: error }, 'failed to start');
    process.exit(1);
  };
}
