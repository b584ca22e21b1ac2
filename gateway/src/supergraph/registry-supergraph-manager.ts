import type { HopKeys } from '../../../schema/identity/hop-keys';
import type { SubgraphHealthCheckFunction, SupergraphManager, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import { recordRegistryPollFailure, recordSupergraphVersion } from '../../../schema/observability/gateway-metrics';
import { fetchPublishedSupergraph, type PublishedSupergraph } from './registry-client';

export interface RegistrySupergraphOptions {
  url: string;
  pollMs: number;
  hopKeys: HopKeys;
  log?: (message: string) => void;
}

/** What `/health` tells about the supergraph when the registry is its source. */
export interface RegistrySupergraphState {
  source: 'registry';
  version: number | null;
  id: string | null;
  registry: 'up' | 'unreachable';
  /** Why the gateway is not on the registry's latest supergraph, or cannot tell; null when it is. */
  lastError: string | null;
}

/**
 * Follows the schema registry: polls `GET /supergraph` and moves the gateway
 * to each new version without a restart. A new version is applied only after
 * every subgraph in it answers Apollo's health check, so a department that
 * publishes before its service is reachable cannot break the gateway. On any
 * failure the gateway keeps serving the last good supergraph, and `state()`
 * says why.
 */
export class RegistrySupergraphManager implements SupergraphManager {
  private current: PublishedSupergraph | null = null;
  private registry: 'up' | 'unreachable' = 'up';
  private lastError: string | null = null;
  private update?: SupergraphSdlUpdateFunction;
  private healthCheck?: SubgraphHealthCheckFunction;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: RegistrySupergraphOptions) {}

  async initialize({ update, healthCheck }: Parameters<SupergraphManager['initialize']>[0]) {
    this.update = update;
    this.healthCheck = healthCheck;
    // No health check here: with no earlier supergraph to fall back on, serving
    // the published one (a down department costs only its own field) beats not starting.
    const first = await this.read();
    if (!first) throw new Error(`the registry at ${this.options.url} has no supergraph yet: publish the subgraphs first`);
    this.current = first;
    recordSupergraphVersion(first.version);
    this.options.log?.(`serving supergraph version ${first.version} from the registry`);
    this.schedule();
    return { supergraphSdl: first.supergraphSdl, cleanup: () => this.stop() };
  }

  state(): RegistrySupergraphState {
    return { source: 'registry', version: this.current?.version ?? null, id: this.current?.id ?? null, registry: this.registry, lastError: this.lastError };
  }

  /** The subgraphs of the supergraph being served, with their routing (`/graphql`) URLs. */
  subgraphs(): PublishedSupergraph['subgraphs'] {
    return this.current?.subgraphs ?? [];
  }

  /** One poll now; tests and the timer use it. Never throws: failures land in `state()`. */
  async poll(): Promise<void> {
    this.polling ??= this.pollOnce().finally(() => (this.polling = null));
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    let next: PublishedSupergraph | null;
    try {
      next = await this.read();
    } catch {
      return; // read() recorded it
    }
    const current = this.current!;
    if (!next) {
      recordRegistryPollFailure('empty');
      return this.fail('the registry has no supergraph any more; keeping the last good one');
    }
    if (next.id === current.id) {
      // the same composition under a new version number needs no reload
      this.current = next;
      recordSupergraphVersion(next.version);
      this.lastError = null;
      return;
    }
    try {
      await this.healthCheck!(next.supergraphSdl);
      this.update!(next.supergraphSdl);
    } catch (error) {
      recordRegistryPollFailure('not_applied');
      return this.fail(`supergraph version ${next.version} not applied, still on ${current.version}: ${messageOf(error)}`);
    }
    this.options.log?.(`moved from supergraph version ${current.version} to ${next.version}`);
    this.current = next;
    recordSupergraphVersion(next.version);
    this.lastError = null;
  }

  private async read(): Promise<PublishedSupergraph | null> {
    try {
      const supergraph = await fetchPublishedSupergraph(this.options.url, this.options.hopKeys);
      if (this.registry === 'unreachable') this.options.log?.(`the registry at ${this.options.url} answers again`);
      this.registry = 'up';
      return supergraph;
    } catch (error) {
      recordRegistryPollFailure('unreachable');
      this.registry = 'unreachable';
      this.fail(`registry unreachable at ${this.options.url}: ${messageOf(error)}`);
      throw error;
    }
  }

  private fail(reason: string): void {
    if (reason !== this.lastError) this.options.log?.(reason);
    this.lastError = reason;
  }

  private schedule(): void {
    if (this.stopped || !this.options.pollMs) return;
    this.timer = setTimeout(() => void this.poll().finally(() => this.schedule()), this.options.pollMs);
    // a poll pending must not keep a stopping process alive
    this.timer.unref();
  }

  private async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.polling;
  }
}

/** fetch's own message is only "fetch failed"; the cause says what (ECONNREFUSED, a timeout). */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${error.message} (${cause.code ?? cause.message})` : error.message;
}
