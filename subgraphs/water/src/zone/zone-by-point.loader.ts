import DataLoader from 'dataloader';
import { Brackets, type Repository } from 'typeorm';
import { type Point, pointKey, polygonContains } from '../../../../schema/geo/geo';
import type { SupplyZone } from './supply-zone.entity';

/** The zone each point lies in, for a whole batch of points in one query. */
export function createZoneByPointLoader(repository: Repository<SupplyZone>): DataLoader<Point, SupplyZone | null, string> {
  return new DataLoader<Point, SupplyZone | null, string>(
    async (points) => {
      const candidates = await repository
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
      return points.map((point) => candidates.find((zone) => polygonContains(zone.polygon, point)) ?? null);
    },
    { cacheKeyFn: pointKey, maxBatchSize: 500 },
  );
}
