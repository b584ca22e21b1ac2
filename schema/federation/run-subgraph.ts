import { OutboxRelay } from '../audit/outbox-relay';
import { readAuditUrl } from '../config/env';
import type { SubgraphDataSource } from '../database/create-data-source';
import { listen } from '../http/listen';
import type { SubgraphApp } from './subgraph-app';

export interface SubgraphProcess {
  name: string;
  port: number;
  openDataSource(): Promise<SubgraphDataSource>;
  createApp(data: SubgraphDataSource): Promise<SubgraphApp>;
  /** For subgraphs that record audit events: relay them to the audit service. */
  outbox?: { signingSecret: string };
}

/**
 * The process entry of a subgraph: open (and migrate) its database, serve,
 * and on SIGINT/SIGTERM stop taking requests, finish the ones in flight, then
 * close the database.
 */
export async function runSubgraph(process_: SubgraphProcess): Promise<void> {
  const data = await process_.openDataSource();
  const app = await process_.createApp(data);
  // loopback unless told otherwise: in containers HOST=0.0.0.0 lets the gateway reach the subgraph
  const listening = await listen(app.app, process_.port, process.env.HOST ?? '127.0.0.1');
  console.log(`[${process_.name}] serving ${listening.url}/graphql`);
  const auditUrl = readAuditUrl();
  const relay = process_.outbox
    ? new OutboxRelay({
        subgraph: process_.name,
        dataSource: data.dataSource,
        auditUrl: () => auditUrl,
        signingSecret: process_.outbox.signingSecret,
        log: (message) => console.warn(`[${process_.name}] ${message}`),
      })
    : null;
  relay?.start();
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await listening.close();
    await relay?.stop();
    await app.stop();
    await data.dataSource.destroy();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function exitOnStartupFailure(name: string) {
  return (error: unknown) => {
    console.error(`[${name}] failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  };
}
