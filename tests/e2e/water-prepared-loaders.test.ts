import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { dropDatabase, type SubgraphDataSource } from '../../schema/database/create-data-source';
import { databaseTarget, type DatabaseSettings } from '../../schema/database/database-target';
import { polygonContains } from '../../schema/geo/geo';
import { BURST_MAIN_POINT, seedWater } from '../../seeds/water.seed';
import { createCurrentOutagesLoader, currentOutagesQuery, UPCOMING_WINDOW_MS } from '../../subgraphs/water/src/outage/current-outages';
import { Outage, OutageKind } from '../../subgraphs/water/src/outage/outage.entity';
import { openWaterDataSource } from '../../subgraphs/water/src/data-source';
import { SupplyZone } from '../../subgraphs/water/src/zone/supply-zone.entity';
import { createZoneByPointLoader } from '../../subgraphs/water/src/zone/zone-by-point.loader';
import { TEST_MYSQL_URL } from '../support/stack';

/**
 * Water's two reads on every ticket(id) (the zone a point lies in, that zone's current outages) as prepared
 * statements on MariaDB: the same zones as the exact polygon test over every zone, the same outages as TypeORM's
 * query builder, one statement per batch.
 */
const settings: DatabaseSettings = { databaseUrl: `${TEST_MYSQL_URL}/wp${randomBytes(4).toString('hex')}`, dataDir: os.tmpdir() };
let water: SubgraphDataSource;
let zones: SupplyZone[];

beforeAll(async () => {
  water = await openWaterDataSource(settings);
  await seedWater(water.dataSource);
  zones = await water.dataSource.getRepository(SupplyZone).find();
  // outages of every kind around now: restored, ended, far ahead, under way, due soon, open-ended; times to the ms
  const now = Date.now();
  const hour = 3600_000;
  const at = (offset: number) => new Date(now + offset + 123);
  const shapes: Array<Partial<Outage>> = [
    { startsAt: at(-5 * hour), endsAt: at(5 * hour), restoredAt: at(-hour) },
    { startsAt: at(-5 * hour), endsAt: at(-hour), restoredAt: null },
    { startsAt: at(UPCOMING_WINDOW_MS + 5 * hour), endsAt: null, restoredAt: null },
    { startsAt: at(-2 * hour), endsAt: at(3 * hour), restoredAt: null },
    { startsAt: at(10 * hour), endsAt: at(12 * hour), restoredAt: null },
    { startsAt: at(-hour), endsAt: null, restoredAt: null },
  ];
  await water.dataSource.getRepository(Outage).insert(
    zones.flatMap((zone, z) => shapes.map((shape, s) => ({ id: `t-${z}-${s}`, zoneCode: zone.code, kind: s % 2 ? OutageKind.PLANNED : OutageKind.UNPLANNED, reason: `检修 ${s}`, ...shape }) as Outage)),
  );
}, 120_000);

afterAll(async () => {
  await water?.dataSource.destroy();
  await dropDatabase(databaseTarget('water', settings)).catch(() => undefined);
});

describe("water's prepared loaders", () => {
  it('find the zone of every point as the exact polygon test over all zones does, in one statement per batch', async () => {
    expect(zones.length).toBeGreaterThan(2);
    const points = [BURST_MAIN_POINT, ...zones.map((zone) => ({ latitude: (zone.minLatitude + zone.maxLatitude) / 2, longitude: (zone.minLongitude + zone.maxLongitude) / 2 })), { latitude: 0, longitude: 0 }];
    const before = water.queries.count;
    const found = await Promise.all(points.map((point) => createZoneByPointLoader(water.dataSource.getRepository(SupplyZone)).load(point)));
    expect(water.queries.count - before).toBe(points.length);
    const loader = createZoneByPointLoader(water.dataSource.getRepository(SupplyZone));
    const batched = await Promise.all(points.map((point) => loader.load(point)));
    expect(water.queries.count - before).toBe(points.length + 1);
    const expected = points.map((point) => zones.find((zone) => polygonContains(zone.polygon, point)) ?? null);
    expect(found).toStrictEqual(expected);
    expect(batched).toStrictEqual(expected);
    expect(expected.filter(Boolean).length).toBeGreaterThan(1);
    expect(expected.at(-1)).toBeNull();
    // polygon is simple-json: hydrated to the same array TypeORM's find gives
    expect(Array.isArray(batched[0]!.polygon)).toBe(true);
  });

  it("give each zone's current outages as TypeORM's query builder does", async () => {
    const codes = [...zones.map((zone) => zone.code), 'no-such-zone'];
    const before = water.queries.count;
    const loader = createCurrentOutagesLoader(water.dataSource.getRepository(Outage));
    const got = await Promise.all(codes.map((code) => loader.load(code)));
    expect(water.queries.count - before).toBe(1);
    const all = await currentOutagesQuery(water.dataSource.getRepository(Outage)).andWhere('o.zoneCode IN (:...codes)', { codes }).getMany();
    expect(got).toStrictEqual(codes.map((code) => all.filter((outage) => outage.zoneCode === code)));
    // of the six shapes, the one under way, the one due soon and the open-ended one count in every zone we wrote
    expect(got.slice(0, -1).every((outages) => outages.filter((outage) => outage.id.startsWith('t-')).length === 3)).toBe(true);
    expect(got.at(-1)).toEqual([]);
    expect(got[0][0].startsAt).toBeInstanceOf(Date);
  });
});
