import type { DataSource } from 'typeorm';
import { createGroupLoader } from '../../../schema/database/group-loader';
import type { RequestContext } from '../../../schema/request-context';
import type { SubgraphContext } from '../../../schema/subgraph-context';
import { createCurrentOutagesLoader } from './outage/current-outages';
import { Outage } from './outage/outage.entity';
import { WaterWorkOrder } from './work-order/water-work-order.entity';
import { SupplyZone } from './zone/supply-zone.entity';
import { createZoneByPointLoader } from './zone/zone-by-point.loader';

export interface WaterContext extends SubgraphContext {
  loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(dataSource: DataSource) {
  return {
    zoneByPoint: createZoneByPointLoader(dataSource.getRepository(SupplyZone)),
    currentOutagesByZone: createCurrentOutagesLoader(dataSource.getRepository(Outage)),
    workOrdersByTicket: createGroupLoader(dataSource.getRepository(WaterWorkOrder), 'ticketId', { order: { createdAt: 'ASC' } }),
  };
}

export function createWaterContext(base: RequestContext, dataSource: DataSource): WaterContext {
  return { ...base, dataSource, loaders: createLoaders(dataSource) };
}
