import { In, type DataSource } from 'typeorm';
import { polygonContains, type Point } from '../schema/geo/geo';
import { Outage, OutageKind } from '../subgraphs/water/src/outage/outage.entity';
import { SupplyZone } from '../subgraphs/water/src/zone/supply-zone.entity';
import { deterministicId } from './deterministic-id';
import { buildSupplyZones } from './water/supply-zones';

/** Where demo tickets are placed: the seed promises an outage under way here. */
export const BURST_MAIN_POINT: Point = { latitude: 32.3, longitude: 118.32 };
const HOUR_MS = 3600 * 1000;

/**
 * Outages are demo fixtures anchored to `now`: a run on a later day moves
 * them (same ids) so the demo always has water off somewhere right now.
 */
export function buildOutages(zones: readonly SupplyZone[], now: Date): Outage[] {
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR_MS);
  const burstZone = zones.find((zone) => polygonContains(zone.polygon, BURST_MAIN_POINT));
  if (!burstZone) throw new Error('no supply zone contains the city centre');
  const others = zones.filter((zone) => zone !== burstZone);
  const outage = (key: string, fields: Omit<Outage, 'id'>): Outage => Object.assign(new Outage(), { id: deterministicId(`water:outage:${key}`), ...fields });
  return [
    outage('burst-main', {
      zoneCode: burstZone.code,
      kind: OutageKind.UNPLANNED,
      reason: '琅琊路与凤阳路交口DN300供水主管爆裂，正在抢修 / DN300 main burst at Langya Rd & Fengyang Rd, repair under way',
      startsAt: at(-2),
      endsAt: at(6),
      restoredAt: null,
    }),
    outage('planned-upgrade', {
      zoneCode: (others.find((zone) => zone.code === 'city_east') ?? others[0]).code,
      kind: OutageKind.PLANNED,
      reason: '管网改造计划停水 / Planned outage for pipe network upgrade',
      startsAt: at(10),
      endsAt: at(18),
      restoredAt: null,
    }),
    outage('valve-repair', {
      zoneCode: (others.find((zone) => zone.code === 'city_west') ?? others[1]).code,
      kind: OutageKind.UNPLANNED,
      reason: '阀门故障抢修，已恢复供水 / Valve failure repaired, supply restored',
      startsAt: at(-74),
      endsAt: at(-68),
      restoredAt: at(-69),
    }),
  ];
}

/** Twelve supply zones and three outages around `now`; safe to run again. */
export async function seedWater(dataSource: DataSource, options: { now?: Date } = {}): Promise<{ inserted: number }> {
  const now = options.now ?? new Date();
  const zones = buildSupplyZones();
  const outages = buildOutages(zones, now);
  return dataSource.transaction(async (manager) => {
    const zonesBefore = await manager.countBy(SupplyZone, { code: In(zones.map((zone) => zone.code)) });
    const outagesBefore = await manager.countBy(Outage, { id: In(outages.map((o) => o.id)) });
    await manager.upsert(SupplyZone, zones, ['code']);
    await manager.upsert(Outage, outages, ['id']);
    return { inserted: zones.length - zonesBefore + (outages.length - outagesBefore) };
  });
}
