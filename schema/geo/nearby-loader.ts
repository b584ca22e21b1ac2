import DataLoader from 'dataloader';
import type { ObjectLiteral, Repository } from 'typeorm';
import { keyFind } from '../database/prepared-find';
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
 * Finds, for many points at once, the rows within a radius of each, in two
 * queries per batch whatever the batch size: one `UNION ALL` of a bounding-box
 * range scan per point (each uses the (latitude, longitude) index; a single
 * WHERE with the boxes OR-ed made MariaDB test every box on every row, 5-10x
 * slower), then the rows themselves by key (prepared, as keyFind reads them). Exact distances are computed here.
 * The entity needs `latitude` and `longitude` columns and a single-column key.
 */
export function createNearbyLoader<T extends ObjectLiteral & Point>(
  repository: Repository<T>,
  options: NearbyOptions,
): DataLoader<Point, Nearby<T>[], string> {
  const { metadata } = repository;
  const escape = (name: string) => repository.manager.connection.driver.escape(name);
  const key = metadata.primaryColumns[0];
  const column = (property: string) => escape(metadata.findColumnWithPropertyName(property)!.databaseName);
  // the rows by key as the loaders read theirs: a prepared statement on MySQL
  const rowsByKey = keyFind(repository, key.propertyName);
  const candidatesSql = `SELECT ${escape(key.databaseName)} AS k, ? AS p FROM ${escape(metadata.tableName)} WHERE ${column('latitude')} BETWEEN ? AND ? AND ${column('longitude')} BETWEEN ? AND ?`;

  return new DataLoader<Point, Nearby<T>[], string>(
    async (points) => {
      const parameters = points.flatMap((point, index) => {
        const box = boundingBox(point, options.radiusMeters);
        return [index, box.minLatitude, box.maxLatitude, box.minLongitude, box.maxLongitude];
      });
      const candidates: { k: string; p: number | string }[] = await repository.query(
        points.map(() => candidatesSql).join(' UNION ALL '),
        parameters,
      );
      const keys = [...new Set(candidates.map((candidate) => String(candidate.k)))];
      const rows = await rowsByKey(keys);
      const byKey = new Map(rows.map((row) => [String(row[key.propertyName]), row]));
      const byPoint = points.map((): T[] => []);
      for (const candidate of candidates) {
        const item = byKey.get(String(candidate.k));
        if (item) byPoint[Number(candidate.p)].push(item);
      }
      return points.map((point, index) =>
        byPoint[index]
          .map((item) => ({ item, distanceMeters: Math.round(distanceMeters(point, item)) }))
          .filter((near) => near.distanceMeters <= options.radiusMeters)
          .sort((a, b) => a.distanceMeters - b.distanceMeters)
          .slice(0, options.limit),
      );
    },
    { cacheKeyFn: pointKey, maxBatchSize: 200 },
  );
}
