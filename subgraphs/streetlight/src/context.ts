import type { DataSource } from 'typeorm';
import { createGroupLoader } from '../../../schema/database/group-loader';
import type { RequestContext } from '../../../schema/request-context';
import type { SubgraphContext } from '../../../schema/subgraph-context';
import { LampPole } from './lamp-pole/lamp-pole.entity';
import { createNearbyPolesLoader } from './lamp-pole/nearby-poles.loader';
import { StreetlightWorkOrder } from './work-order/streetlight-work-order.entity';

export interface StreetlightContext extends SubgraphContext {
  loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(dataSource: DataSource) {
  return {
    nearbyPoles: createNearbyPolesLoader(dataSource.getRepository(LampPole)),
    workOrdersByTicket: createGroupLoader(dataSource.getRepository(StreetlightWorkOrder), 'ticketId', { order: { createdAt: 'ASC' } }),
  };
}

/** Fresh loaders for every request: a cache must never outlive the request that filled it. */
export function createStreetlightContext(base: RequestContext, dataSource: DataSource): StreetlightContext {
  return { ...base, dataSource, loaders: createLoaders(dataSource) };
}
