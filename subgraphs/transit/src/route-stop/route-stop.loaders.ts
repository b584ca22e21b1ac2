import DataLoader from 'dataloader';
import { In, type Repository } from 'typeorm';
import { columnsKeyFind, MAX_BATCH } from '../../../../schema/database/prepared-find';
import type { BusRoute } from '../route/bus-route.entity';
import { byRouteCode } from '../route/route-order';
import type { BusStop } from '../stop/bus-stop.entity';
import type { RouteStop } from './route-stop.entity';

/** The stops of many routes, each in riding order: one joined query per batch. */
export function createStopsByRouteLoader(repository: Repository<RouteStop>): DataLoader<string, BusStop[]> {
  return new DataLoader<string, BusStop[]>(
    async (routeCodes) => {
      const links = await repository.find({
        where: { routeCode: In([...routeCodes]) },
        relations: { stop: true },
        order: { sequence: 'ASC' },
      });
      const stops = new Map<string, BusStop[]>(routeCodes.map((code) => [code, []]));
      for (const link of links) stops.get(link.routeCode)?.push(link.stop!);
      return routeCodes.map((code) => stops.get(code) ?? []);
    },
    { maxBatchSize: 500 },
  );
}

/**
 * The routes calling at many stops: the (stop, route) pairs by one prepared statement, the routes from the route
 * catalogue (`routeByCode`, held in memory); a route calling twice is listed once. The joined find this replaces,
 * with TypeORM's query builder and entity hydration, was 10 % of transit's CPU on a page of 50.
 */
export function createRoutesByStopLoader(links: Repository<RouteStop>, routeByCode: DataLoader<string, BusRoute | null>): DataLoader<string, BusRoute[]> {
  const pairsAt = columnsKeyFind(links, 'stopCode', ['stopCode', 'routeCode']);
  return new DataLoader<string, BusRoute[]>(
    async (stopCodes) => {
      const pairs = await pairsAt(stopCodes);
      const routes = new Map<string, BusRoute>();
      for (const route of await routeByCode.loadMany([...new Set(pairs.map((pair) => pair.routeCode))])) {
        if (route && !(route instanceof Error)) routes.set(route.code, route);
      }
      const atStop = new Map<string, Map<string, BusRoute>>(stopCodes.map((code) => [code, new Map()]));
      for (const { stopCode, routeCode } of pairs) {
        const route = routes.get(routeCode);
        if (route) atStop.get(stopCode)?.set(routeCode, route);
      }
      return stopCodes.map((code) => [...(atStop.get(code)?.values() ?? [])].sort(byRouteCode));
    },
    { maxBatchSize: MAX_BATCH },
  );
}
