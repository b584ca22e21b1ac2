import type { DataSource } from 'typeorm';
import { distanceMeters, type Point } from '../schema/geo/geo';
import { LampPole, LampPoleStatus } from '../subgraphs/streetlight/src/lamp-pole/lamp-pole.entity';

/** Chuzhou (滁州) city area the seeded roads cross. */
const AREA = { minLatitude: 32.24, maxLatitude: 32.36, minLongitude: 118.24, maxLongitude: 118.4 };
/** Demo tickets are placed here; the seed promises lamp poles (one faulty) right next to it. */
export const CITY_CENTRE: Point = { latitude: 32.3, longitude: 118.32 };

const POLE_SPACING_METERS = 40;
const METERS_PER_DEGREE_LATITUDE = 111_195;
const CHUNK_SIZE = 500;
const DAY_MS = 24 * 3600 * 1000;

interface Road {
  zh: string;
  en: string;
  /** East–west roads keep one latitude, north–south roads one longitude. */
  latitude?: number;
  longitude?: number;
}

// 琅琊路 and 凤阳路 cross at the city centre
const ROADS: Road[] = [
  { zh: '世纪大道', en: 'Century Avenue', latitude: 32.255 },
  { zh: '南谯路', en: 'Nanqiao Road', latitude: 32.272 },
  { zh: '紫薇路', en: 'Ziwei Road', latitude: 32.286 },
  { zh: '琅琊路', en: 'Langya Road', latitude: CITY_CENTRE.latitude },
  { zh: '丰乐大道', en: 'Fengle Avenue', latitude: 32.318 },
  { zh: '会峰路', en: 'Huifeng Road', latitude: 32.34 },
  { zh: '龙蟠大道', en: 'Longpan Avenue', longitude: 118.262 },
  { zh: '清流路', en: 'Qingliu Road', longitude: 118.285 },
  { zh: '花园路', en: 'Garden Road', longitude: 118.303 },
  { zh: '凤阳路', en: 'Fengyang Road', longitude: CITY_CENTRE.longitude },
  { zh: '天长路', en: 'Tianchang Road', longitude: 118.345 },
  { zh: '全椒路', en: 'Quanjiao Road', longitude: 118.372 },
];

/** mulberry32: a tiny seeded PRNG, so every run builds the same city. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function roadPoints(road: Road): Point[] {
  const latitudeStep = POLE_SPACING_METERS / METERS_PER_DEGREE_LATITUDE;
  const points: Point[] = [];
  if (road.latitude !== undefined) {
    const longitudeStep = latitudeStep / Math.cos((road.latitude * Math.PI) / 180);
    for (let lng = AREA.minLongitude; lng <= AREA.maxLongitude; lng += longitudeStep) points.push({ latitude: road.latitude, longitude: lng });
  } else if (road.longitude !== undefined) {
    for (let lat = AREA.minLatitude; lat <= AREA.maxLatitude; lat += latitudeStep) points.push({ latitude: lat, longitude: road.longitude });
  }
  return points;
}

/** Every pole of the seeded city, the same list on every run for the same `now`. */
export function buildLampPoles(now: Date): LampPole[] {
  const random = seededRandom(12345);
  const poles: LampPole[] = [];
  for (const road of ROADS) {
    for (const point of roadPoints(road)) {
      const roll = random();
      const status = roll < 0.01 ? LampPoleStatus.KNOCKED_DOWN : roll < 0.06 ? LampPoleStatus.FAULTY : LampPoleStatus.WORKING;
      const daysSinceFault = 1 + Math.floor(random() * 30);
      const yearsInService = 1 + Math.floor(random() * 15);
      poles.push({
        code: `LD-${String(poles.length + 1).padStart(5, '0')}`,
        roadZh: road.zh,
        roadEn: road.en,
        latitude: Number(point.latitude.toFixed(6)),
        longitude: Number(point.longitude.toFixed(6)),
        lampType: random() < 0.75 ? 'LED' : 'SODIUM',
        status,
        faultReportedAt: status === LampPoleStatus.WORKING ? null : new Date(now.getTime() - daysSinceFault * DAY_MS),
        installedAt: new Date(now.getTime() - yearsInService * 365 * DAY_MS),
      });
    }
  }
  // chance alone might leave the centre all lit; the demo "is the light near me out" needs a dark one
  const nearest = poles.reduce((best, pole) => (distanceMeters(CITY_CENTRE, pole) < distanceMeters(CITY_CENTRE, best) ? pole : best));
  if (nearest.status === LampPoleStatus.WORKING) {
    nearest.status = LampPoleStatus.FAULTY;
    nearest.faultReportedAt = new Date(now.getTime() - 2 * DAY_MS);
  }
  return poles;
}

/** Inserts the poles whose code is not there yet; running it again inserts nothing. */
export async function seedStreetlight(dataSource: DataSource, options: { now?: Date } = {}): Promise<{ inserted: number }> {
  const poles = buildLampPoles(options.now ?? new Date());
  return dataSource.transaction(async (manager) => {
    const existing = await manager.getRepository(LampPole).createQueryBuilder('p').select('p.code', 'code').getRawMany<{ code: string }>();
    const known = new Set(existing.map((row) => row.code));
    const missing = poles.filter((pole) => !known.has(pole.code));
    for (let start = 0; start < missing.length; start += CHUNK_SIZE) {
      await manager.createQueryBuilder().insert().into(LampPole).values(missing.slice(start, start + CHUNK_SIZE)).updateEntity(false).execute();
    }
    return { inserted: missing.length };
  });
}
