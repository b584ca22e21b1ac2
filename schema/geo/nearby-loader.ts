import DataLoader from 'dataloader';
import { Brackets, type ObjectLiteral, type Repository } from 'typeorm';
import { boundingBox, distanceMeters, type Point, pointKey } from './geo';

export interface Nearby<T> {
  item: T;
  distanceMeters: number;
}

export interface NearbyOptions {
  radiusMeters: number;
  limit: number;
}

/**
 * Finds, for many points at once, the rows within a radius of each: one SQL
 * query per batch (a bounding box per point, OR-ed), then exact distances in JS.
 * The entity needs `latitude` and `longitude` columns.
 */
export function createNearbyLoader<T extends ObjectLiteral & Point>(
  repository: Repository<T>,
  options: NearbyOptions,
): DataLoader<Point, Nearby<T>[], string> {
  return new DataLoader<Point, Nearby<T>[], string>(
    async (points) => {
      const rows = await repository
        .createQueryBuilder('e')
        .where(
          new Brackets((where) => {
            points.forEach((point, i) => {
              const box = boundingBox(point, options.radiusMeters);
              where.orWhere(
                `(e.latitude BETWEEN :minLat${i} AND :maxLat${i} AND e.longitude BETWEEN :minLng${i} AND :maxLng${i})`,
                {
                  [`minLat${i}`]: box.minLatitude,
                  [`maxLat${i}`]: box.maxLatitude,
                  [`minLng${i}`]: box.minLongitude,
                  [`maxLng${i}`]: box.maxLongitude,
                },
              );
            });
          }),
        )
        .getMany();
      return points.map((point) =>
        rows
          .map((item) => ({ item, distanceMeters: Math.round(distanceMeters(point, item)) }))
          .filter((near) => near.distanceMeters <= options.radiusMeters)
          .sort((a, b) => a.distanceMeters - b.distanceMeters)
          .slice(0, options.limit),
      );
    },
    { cacheKeyFn: pointKey, maxBatchSize: 500 },
  );
}
