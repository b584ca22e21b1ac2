import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { In } from 'typeorm';
import { dropDatabase, type SubgraphDataSource } from '../../schema/database/create-data-source';
import { databaseTarget, type DatabaseSettings } from '../../schema/database/database-target';
import { createReferenceLoader } from '../../schema/database/reference-rows';
import { seedTransit } from '../../seeds/transit.seed';
import { openTransitDataSource } from '../../subgraphs/transit/src/data-source';
import { BusRoute } from '../../subgraphs/transit/src/route/bus-route.entity';
import { byRouteCode } from '../../subgraphs/transit/src/route/route-order';
import { createRoutesByStopLoader } from '../../subgraphs/transit/src/route-stop/route-stop.loaders';
import { RouteStop } from '../../subgraphs/transit/src/route-stop/route-stop.entity';
import { TEST_MYSQL_URL } from '../support/stack';

/**
 * The routes calling at a stop (every nearby stop of every ticket view asks) on MariaDB: the same routes, in the
 * same order, as TypeORM's joined find that the loader replaced, for every stop of the seeded network and a stop
 * that does not exist; one statement per batch once the route catalogue is held.
 */
const settings: DatabaseSettings = { databaseUrl: `${TEST_MYSQL_URL}/tr${randomBytes(4).toString('hex')}`, dataDir: os.tmpdir() };
let transit: SubgraphDataSource;

beforeAll(async () => {
  transit = await openTransitDataSource(settings);
  await seedTransit(transit.dataSource);
}, 120_000);

afterAll(async () => {
  await transit?.dataSource.destroy();
  await dropDatabase(databaseTarget('transit', settings)).catch(() => undefined);
});

/** What the joined find gave: each stop's routes, a route calling twice listed once, in route-code order. */
async function joinedRoutes(stopCodes: string[]): Promise<BusRoute[][]> {
  const links = await transit.dataSource.getRepository(RouteStop).find({ where: { stopCode: In(stopCodes) }, relations: { route: true } });
  return stopCodes.map((code) => {
    const routes = new Map(links.filter((link) => link.stopCode === code).map((link) => [link.routeCode, link.route!]));
    return [...routes.values()].sort(byRouteCode);
  });
}

describe("transit's routes by stop", () => {
  it('are the routes of the joined find, for every stop, in one statement per batch', async () => {
    const links = transit.dataSource.getRepository(RouteStop);
    const stopCodes = [...new Set((await links.find()).map((link) => link.stopCode))];
    expect(stopCodes.length).toBeGreaterThan(5);
    const asked = [...stopCodes, 'no-such-stop'];
    const expected = await joinedRoutes(asked);
    // some stop is served by more than one route, so the order and the merge are both exercised
    expect(expected.some((routes) => routes.length > 1)).toBe(true);

    const routeByCode = createReferenceLoader(transit.dataSource.getRepository(BusRoute), 'code');
    await routeByCode.load('1');
    const before = transit.queries.count;
    const loader = createRoutesByStopLoader(links, routeByCode);
    const found = await Promise.all(asked.map((code) => loader.load(code)));
    expect(transit.queries.count - before).toBe(1);
    expect(found.map((routes) => routes.map((route) => route.code))).toStrictEqual(expected.map((routes) => routes.map((route) => route.code)));
    // the routes themselves, every column, as TypeORM read them
    expect(found).toStrictEqual(expected);
    expect(found[found.length - 1]).toEqual([]);
  });
});
