import type { ApolloServer } from '@apollo/server';
import type { Logger } from '../../../schema/observability/logger';
import type { GatewayContext } from '../gateway-context';
import type { SupergraphSource } from './supergraph-source';

/** An Apollo server over the gateway, and the source its supergraph comes from. */
export interface LoadedGateway {
  apollo: ApolloServer<GatewayContext>;
  source: SupergraphSource;
}

export interface SupergraphLoaderOptions {
  /** A fresh server each time: one whose start failed cannot be started again. */
  build(): LoadedGateway;
  /** Failed loads before giving up; Infinity keeps trying. */
  attempts: number;
  retryMs: number;
  logger: Logger;
}

export type LoadingState =
  | { state: 'serving' }
  | { state: 'loading' | 'failed' | 'stopped'; attempts: number; lastError: string | null };

/**
 * Loads the supergraph, and keeps trying while it cannot: subgraphs or the
 * registry may still be starting (containers, a slow migration, a first
 * publish under way). The process listens meanwhile, so it answers /livez and
 * its /readyz says "not yet" instead of the port being closed.
 */
export class SupergraphLoader {
  /** Resolves once the gateway serves; rejects when the attempts run out or it is stopped first. */
  readonly loaded: Promise<LoadedGateway>;
  private current: LoadedGateway | null = null;
  private state: LoadingState['state'] = 'loading';
  private attempts = 0;
  private lastError: string | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: SupergraphLoaderOptions) {
    this.loaded = this.load();
    // whoever needs the outcome awaits it; a gateway that keeps trying must not crash on an unawaited rejection
    this.loaded.catch(() => undefined);
  }

  serving(): LoadedGateway | null {
    return this.state === 'serving' ? this.current : null;
  }

  describe(): LoadingState {
    return this.state === 'serving' ? { state: 'serving' } : { state: this.state, attempts: this.attempts, lastError: this.lastError };
  }

  async stop(): Promise<void> {
    const serving = this.serving();
    this.state = 'stopped';
    this.wake?.();
    // an attempt still starting is stopped by load() once it has started
    await serving?.apollo.stop();
  }

  private stopped(): boolean {
    return this.state === 'stopped';
  }

  private async load(): Promise<LoadedGateway> {
    for (;;) {
      const attempt = this.options.build();
      this.attempts += 1;
      try {
        await attempt.apollo.start();
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        if (this.stopped()) throw error;
        if (this.attempts >= this.options.attempts) {
          this.state = 'failed';
          throw error;
        }
        this.options.logger.warn({ attempt: this.attempts, err: error }, 'could not load the supergraph yet; retrying');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.retryMs);
          this.wake = () => (clearTimeout(timer), resolve());
        });
        if (this.stopped()) throw new Error('stopped before a supergraph was loaded');
        continue;
      }
      if (this.stopped()) {
        await attempt.apollo.stop();
        throw new Error('stopped before a supergraph was loaded');
      }
      this.current = attempt;
      this.state = 'serving';
      this.lastError = null;
      return attempt;
    }
  }
}
