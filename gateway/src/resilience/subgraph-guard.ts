import {
  BrokenCircuitError,
  circuitBreaker,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  ConstantBackoff,
  handleWhen,
  type ICancellationContext,
  type IPolicy,
  retry,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import type { Logger } from '../../../schema/observability/logger';
import { type ResilienceConfig, timeoutFor } from './resilience-config';
import { isConnectionRefused, isSubgraphFailure } from './subgraph-failure';

export type CircuitStateName = 'closed' | 'open' | 'half-open' | 'isolated';

const STATE_NAMES: Record<CircuitState, CircuitStateName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

/** One more try soon after a refused connection catches a subgraph restarting (a rolling deploy, a supervisor). */
const REFUSED_RETRY_MS = 100;

/**
 * `read`: a client's query; `write`: a client's mutation, never retried;
 * `own`: the gateway's own reads (loading schemas, checking a new supergraph's
 * subgraphs), which keep the deadline but stay outside the circuit: they
 * neither trip it nor are refused by it, so a start-up retry is not turned away
 * by failures it caused itself.
 */
export type CallKind = 'read' | 'write' | 'own';

/**
 * Everything one subgraph call goes through: a deadline that aborts it, and a
 * circuit that, after consecutive failures, answers at once instead of letting
 * every operation wait for a subgraph that is gone; after `circuitHalfOpenMs`
 * one call goes through to test it. Only reads are retried (once, after a
 * refused connection): a mutation must never run twice.
 */
export class SubgraphGuard {
  readonly timeoutMs: number;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly policies: Record<CallKind, IPolicy<ICancellationContext>>;

  constructor(subgraph: string, config: ResilienceConfig, logger: Logger) {
    this.timeoutMs = timeoutFor(config, subgraph);
    // no abort once the call has returned: there is nothing left to cancel, and each such abort built a DOMException
    // (2.5 % of the gateway's CPU in bench:gateway); the deadline still aborts a call that runs too long
    const deadline = timeout(this.timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
    this.breaker = circuitBreaker(handleWhen(isSubgraphFailure), {
      halfOpenAfter: config.circuitHalfOpenMs,
      breaker: new ConsecutiveBreaker(config.circuitFailures),
    });
    const refusedRetry = retry(handleWhen(isConnectionRefused), { maxAttempts: 1, backoff: new ConstantBackoff(REFUSED_RETRY_MS) });
    this.policies = { read: wrap(refusedRetry, this.breaker, deadline), write: wrap(this.breaker, deadline), own: wrap(refusedRetry, deadline) };
    this.breaker.onBreak((reason) => logger.warn({ subgraph, reason: 'error' in reason ? String(reason.error) : 'isolated' }, 'subgraph circuit opened'));
    this.breaker.onHalfOpen(() => logger.info({ subgraph }, 'subgraph circuit half-open: testing with one call'));
    this.breaker.onReset(() => logger.info({ subgraph }, 'subgraph circuit closed'));
  }

  /** Runs one call to the subgraph; `signal` aborts it when the deadline passes. */
  run<T>(call: (signal: AbortSignal) => Promise<T>, kind: CallKind): Promise<T> {
    // cockatiel holds every call that arrives while its one test call runs, up to the whole timeout
    // for a frozen subgraph; those are answered at once instead, as while the circuit is open
    if (kind !== 'own' && this.breaker.state === CircuitState.HalfOpen) return Promise.reject(new BrokenCircuitError());
    return this.policies[kind].execute(({ signal }) => call(signal));
  }

  circuit(): CircuitStateName {
    return STATE_NAMES[this.breaker.state];
  }
}

/** One guard per subgraph name, kept across supergraph reloads so a reload does not forget a subgraph that is down. */
export class SubgraphGuards {
  private readonly guards = new Map<string, SubgraphGuard>();

  constructor(
    private readonly config: ResilienceConfig,
    private readonly logger: Logger,
  ) {}

  for(subgraph: string): SubgraphGuard {
    let guard = this.guards.get(subgraph);
    if (!guard) this.guards.set(subgraph, (guard = new SubgraphGuard(subgraph, this.config, this.logger)));
    return guard;
  }
}
