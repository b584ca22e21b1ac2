import DataLoader from 'dataloader';
import { In, type Repository } from 'typeorm';
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

/** The routes calling at many stops: one joined query per batch; a route calling twice is listed once. */
export function createRoutesByStopLoader(repository: Repository<RouteStop>): DataLoader<string, BusRoute[]> {
  return new DataLoader<string, BusRoute[]>(
    async (stopCodes) => {
      const links = await repository.find({ where: { stopCode: In([...stopCodes]) }, relations: { route: true } });
      const routes = new Map<string, Map<string, BusRoute>>(stopCodes.map((code) => [code, new Map()]));
      for (const link of links) routes.get(link.stopCode)?.set(link.routeCode, link.route!);
      return stopCodes.map((code) => [...(routes.get(code)?.values() ?? [])].sort(byRouteCode));
    },
    { maxBatchSize: 500 },
  );
}
