import type { DataSource } from 'typeorm';
import { createGroupLoader } from '../../../schema/database/group-loader';
import { createReferenceLoader } from '../../../schema/database/reference-rows';
import { createNearbyLoader, type NearbyOptions } from '../../../schema/geo/nearby-loader';
import type { RequestContext } from '../../../schema/request-context';
import type { SubgraphContext } from '../../../schema/subgraph-context';
import { BusRoute } from './route/bus-route.entity';
import { createRoutesByStopLoader, createStopsByRouteLoader } from './route-stop/route-stop.loaders';
import { RouteStop } from './route-stop/route-stop.entity';
import { BusStop } from './stop/bus-stop.entity';
import { TransitWorkOrder } from './work-order/transit-work-order.entity';

/** About four minutes' walk: the stops a caller standing at the ticket's place could mean. */
export const NEARBY_STOPS: NearbyOptions = { radiusMeters: 300, limit: 5 };

export interface TransitContext extends SubgraphContext {
  loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(dataSource: DataSource) {
  // the route catalogue changes with a new timetable, never through this service: held in memory, read every 10 s
  const routeByCode = createReferenceLoader(dataSource.getRepository(BusRoute), 'code');
  return {
    routeByCode,
    stopsByRoute: createStopsByRouteLoader(dataSource.getRepository(RouteStop)),
    routesByStop: createRoutesByStopLoader(dataSource.getRepository(RouteStop), routeByCode),
    nearbyStops: createNearbyLoader(dataSource.getRepository(BusStop), NEARBY_STOPS),
    workOrdersByTicket: createGroupLoader(dataSource.getRepository(TransitWorkOrder), 'ticketId', { order: { createdAt: 'ASC' } }),
  };
}

export function createTransitContext(base: RequestContext, dataSource: DataSource): TransitContext {
  return { ...base, dataSource, loaders: createLoaders(dataSource) };
}
