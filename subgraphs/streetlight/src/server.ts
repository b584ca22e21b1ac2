import type { DataSource } from 'typeorm';
import { databaseAnswers } from '../../../schema/database/create-data-source';
import { buildFederatedSchema } from '../../../schema/federation/build-federated-schema';
import { createSubgraphApp, type SubgraphApp } from '../../../schema/federation/subgraph-app';
import type { StreetlightConfig } from './config';
import { createStreetlightContext } from './context';
import { LampPoleResolver } from './lamp-pole/lamp-pole.resolver';
import { StreetlightTicketInfoResolver, TicketStreetlightResolver } from './ticket/streetlight-ticket.resolver';
import { resolveTicketReference } from './ticket/ticket.reference';
import { Ticket } from './ticket/ticket.type';
import { streetlightWorkOrderResolver } from './work-order/streetlight-work-order.resolver';

/** The streetlight administration's subgraph (市路灯管理处): lamp poles, work orders. Does not listen. */
export async function createStreetlightApp(dataSource: DataSource, config: StreetlightConfig): Promise<SubgraphApp> {
  const schema = await buildFederatedSchema(
    { resolvers: [LampPoleResolver, TicketStreetlightResolver, StreetlightTicketInfoResolver, streetlightWorkOrderResolver(config)] },
    [{ name: 'Ticket', type: Ticket, resolveReference: resolveTicketReference }],
  );
  return createSubgraphApp({
    name: 'streetlight',
    schema,
    createContext: (base) => createStreetlightContext(base, dataSource),
    isHealthy: () => databaseAnswers(dataSource),
    hopKeys: config.hopKeys,
  });
}
