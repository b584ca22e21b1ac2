import type { DataSource } from 'typeorm';
import { databaseAnswers } from '../../../schema/database/create-data-source';
import { buildFederatedSchema } from '../../../schema/federation/build-federated-schema';
import { createSubgraphApp, type SubgraphApp } from '../../../schema/federation/subgraph-app';
import type { TransitConfig } from './config';
import { createTransitContext } from './context';
import { BusRouteResolver } from './route/bus-route.resolver';
import { BusStopResolver } from './stop/bus-stop.resolver';
import { resolveTicketReference } from './ticket/ticket.reference';
import { Ticket } from './ticket/ticket.type';
import { TicketTransitResolver, TransitTicketInfoResolver } from './ticket/transit-ticket.resolver';
import { transitWorkOrderResolver } from './work-order/transit-work-order.resolver';

/** The bus company's subgraph (市公交公司): routes, stops, work orders. Does not listen. */
export async function createTransitApp(dataSource: DataSource, config: TransitConfig): Promise<SubgraphApp> {
  const schema = await buildFederatedSchema(
    { resolvers: [BusRouteResolver, BusStopResolver, TicketTransitResolver, TransitTicketInfoResolver, transitWorkOrderResolver(config)] },
    [{ name: 'Ticket', type: Ticket, resolveReference: resolveTicketReference }],
  );
  return createSubgraphApp({
    name: 'transit',
    schema,
    createContext: (base) => createTransitContext(base, dataSource),
    isHealthy: () => databaseAnswers(dataSource),
    hopKeys: config.hopKeys,
  });
}
