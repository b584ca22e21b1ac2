/** Plain WGS-84 geometry: enough for "what is near this ticket" at city scale. */
export interface Point {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_METERS = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

export function distanceMeters(a: Point, b: Point): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLng = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface BoundingBox {
  minLatitude: number;
  maxLatitude: number;
  minLongitude: number;
  maxLongitude: number;
}

/** A box that contains the circle of `radius` metres around `center`; used to pre-filter in SQL. */
export function boundingBox(center: Point, radius: number): BoundingBox {
  const dLat = (radius / EARTH_RADIUS_METERS) * (180 / Math.PI);
  const dLng = dLat / Math.max(Math.cos(toRadians(center.latitude)), 1e-6);
  return {
    minLatitude: center.latitude - dLat,
    maxLatitude: center.latitude + dLat,
    minLongitude: center.longitude - dLng,
    maxLongitude: center.longitude + dLng,
  };
}

/** Ray casting; the polygon is a ring of [longitude, latitude] pairs, as GeoJSON writes them. */
export function polygonContains(ring: ReadonlyArray<readonly [number, number]>, point: Point): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    const crosses = yi > point.latitude !== yj > point.latitude;
    if (crosses && point.longitude < ((xj - xi) * (point.latitude - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export const pointKey = (point: Point) => `${point.latitude.toFixed(6)},${point.longitude.toFixed(6)}`;

export function isPoint(value: { latitude?: number | null; longitude?: number | null }): value is Point {
  return typeof value.latitude === 'number' && typeof value.longitude === 'number';
}
