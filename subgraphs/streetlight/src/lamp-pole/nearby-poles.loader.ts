import type { Repository } from 'typeorm';
import { createNearbyLoader } from '../../../../schema/geo/nearby-loader';
import type { LampPole } from './lamp-pole.entity';

/** Farther than this, a pole is not the light a caller standing at the ticket's place can see. */
export const NEARBY_RADIUS_METERS = 200;
export const NEARBY_LIMIT = 10;

/** Poles near many tickets' places, one query per batch. */
export function createNearbyPolesLoader(repository: Repository<LampPole>) {
  return createNearbyLoader(repository, { radiusMeters: NEARBY_RADIUS_METERS, limit: NEARBY_LIMIT });
}
