import type { DataSource } from 'typeorm';
import { databaseAnswers } from '../../../schema/database/create-data-source';
import { buildFederatedSchema } from '../../../schema/federation/build-federated-schema';
import { createSubgraphApp, type SubgraphApp } from '../../../schema/federation/subgraph-app';
import type { WaterConfig } from './config';
import { createWaterContext } from './context';
import { OutageResolver } from './outage/outage.resolver';
import { resolveTicketReference } from './ticket/ticket.reference';
import { Ticket } from './ticket/ticket.type';
import { TicketWaterResolver, WaterTicketInfoResolver } from './ticket/water-ticket.resolver';
import { waterWorkOrderResolver } from './work-order/water-work-order.resolver';
import { SupplyZoneResolver } from './zone/supply-zone.resolver';

/** The water company's subgraph (市自来水公司): supply zones, outages, work orders. Does not listen. */
export async function createWaterApp(dataSource: DataSource, config: WaterConfig): Promise<SubgraphApp> {
  const schema = await buildFederatedSchema(
    { resolvers: [SupplyZoneResolver, OutageResolver, TicketWaterResolver, WaterTicketInfoResolver, waterWorkOrderResolver(config)] },
    [{ name: 'Ticket', type: Ticket, resolveReference: resolveTicketReference }],
  );
  return createSubgraphApp({
    name: 'water',
    schema,
    createContext: (base) => createWaterContext(base, dataSource),
    isHealthy: () => databaseAnswers(dataSource),
    hopKeys: config.hopKeys,
  });
}
