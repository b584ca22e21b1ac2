import DataLoader from 'dataloader';
import { Brackets, type Repository } from 'typeorm';
import { MAX_BATCH, preparedSelect } from '../../../../schema/database/prepared-find';
import { boundedMemo } from '../../../../schema/runtime/bounded-memo';
import { type Point, pointKey, polygonContains } from '../../../../schema/geo/geo';
import type { SupplyZone } from './supply-zone.entity';

/** The zone each point lies in, for a whole batch of points in one query. */
export function createZoneByPointLoader(repository: Repository<SupplyZone>): DataLoader<Point, SupplyZone | null, string> {
  const candidatesOf = zoneCandidates(repository);
  return new DataLoader<Point, SupplyZone | null, string>(
    async (points) => {
      const candidates = await candidatesOf(points);
      return points.map((point) => candidates.find((zone) => polygonContains(zone.polygon, point)) ?? null);
    },
    { cacheKeyFn: pointKey, maxBatchSize: MAX_BATCH },
  );
}

/** The zones whose bounding box holds any of the points: SQL's cheap pre-filter before the exact polygon test. */
function zoneCandidates(repository: Repository<SupplyZone>): (points: readonly Point[]) => Promise<SupplyZone[]> {
  const prepared = preparedSelect(repository);
  if (!prepared) {
    return (points) =>
      repository
        .createQueryBuilder('z')
        .where(
          new Brackets((where) => {
            points.forEach((point, i) =>
              where.orWhere(`(z.minLatitude <= :lat${i} AND z.maxLatitude >= :lat${i} AND z.minLongitude <= :lng${i} AND z.maxLongitude >= :lng${i})`, {
                [`lat${i}`]: point.latitude,
                [`lng${i}`]: point.longitude,
              }),
            );
          }),
        )
        .getMany();
  }
  // the text depends only on how many points: one prepared statement per batch size
  const [minLat, maxLat, minLng, maxLng] = ['minLatitude', 'maxLatitude', 'minLongitude', 'maxLongitude'].map(prepared.column);
  const box = `(${minLat} <= ? AND ${maxLat} >= ? AND ${minLng} <= ? AND ${maxLng} >= ?)`;
  const tailFor = boundedMemo(MAX_BATCH, (count: number) => `WHERE ${Array.from({ length: count }, () => box).join(' OR ')}`);
  return (points) => prepared.rows(tailFor(points.length), points.flatMap((point) => [point.latitude, point.latitude, point.longitude, point.longitude]));
}
