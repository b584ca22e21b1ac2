import type { DataSource } from 'typeorm';
import { databaseAnswers } from '../../../schema/database/create-data-source';
import { buildFederatedSchema } from '../../../schema/federation/build-federated-schema';
import { createSubgraphApp, type SubgraphApp } from '../../../schema/federation/subgraph-app';
import { AnchorLedger } from './anchor/anchor-ledger';
import { startAnchoring } from './anchor/anchor-schedule';
import type { AuditConfig } from './config';
import { createAuditContext } from './context';
import { AuditEventsResolver } from './events/audit-events.resolver';
import { AuditEventCountResolver } from './events/audit-event-count.resolver';
import { mountFeedRoute } from './feed/feed-route';
import { HandoffResolver } from './handoff/handoff.resolver';
import { mountIngestRoute } from './ingest/ingest-route';
import { resolveTicketReference } from './ticket/ticket.reference';
import { Ticket } from './ticket/ticket.type';
import { TicketTrailResolver, TrailResolver } from './trail/trail.resolver';

/**
 * The audit service (审计): every subgraph's audit events, chained per ticket
 * so any later edit shows. GraphQL only reads; the one write is the relays'
 * signed `POST /events`; `GET /feed` hands the events on to oversight. Does not listen.
 */
export async function createAuditApp(dataSource: DataSource, config: AuditConfig): Promise<SubgraphApp> {
  const schema = await buildFederatedSchema(
    { resolvers: [TicketTrailResolver, TrailResolver, AuditEventsResolver, AuditEventCountResolver, HandoffResolver] },
    [{ name: 'Ticket', type: Ticket, resolveReference: resolveTicketReference }],
  );
  const anchor = config.anchor ?? null;
  const anchors = anchor ? new AnchorLedger(anchor.file, anchor.verifyKey) : null;
  const subgraph = await createSubgraphApp({
    name: 'audit',
    schema,
    createContext: (base) => createAuditContext(base, dataSource, anchors),
    isHealthy: () => databaseAnswers(dataSource),
    hopKeys: config.hopKeys,
  });
  const log = (message: string) => console.error(`[audit] ${message}`);
  mountIngestRoute(subgraph.app, dataSource, subgraph.verifier, log);
  mountFeedRoute(subgraph.app, dataSource, subgraph.verifier, log);
  if (!anchor?.signingKey) return subgraph;
  const anchoring = startAnchoring(dataSource, anchor, log);
  return {
    ...subgraph,
    stop: async () => {
      await anchoring.stop();
      await subgraph.stop();
    },
  };
}
