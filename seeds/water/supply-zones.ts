import type { SupplyZone } from '../../subgraphs/water/src/zone/supply-zone.entity';

// Literal edges rather than min + i * step, so neighbouring zones share exactly the same border.
const LATITUDE_EDGES = [32.24, 32.28, 32.32, 32.36];
const LONGITUDE_EDGES = [118.24, 118.28, 118.32, 118.36, 118.4];

/** South to north, west to east; 琅琊 sits on the city centre (32.30, 118.32). */
const NAMES: ReadonlyArray<ReadonlyArray<[code: string, nameZh: string, nameEn: string]>> = [
  [
    ['nanqiao', '南谯片区', 'Nanqiao Zone'],
    ['city_south', '城南片区', 'South City Zone'],
    ['development', '经开区片区', 'Development Zone'],
    ['suchu', '苏滁片区', 'Suchu Park Zone'],
  ],
  [
    ['city_west', '城西片区', 'West City Zone'],
    ['old_town', '老城片区', 'Old Town Zone'],
    ['langya', '琅琊片区', 'Langya Zone'],
    ['city_east', '城东片区', 'East City Zone'],
  ],
  [
    ['fengshan', '丰山片区', 'Fengshan Zone'],
    ['city_north', '城北片区', 'North City Zone'],
    ['qingliu', '清流片区', 'Qingliu Zone'],
    ['northeast', '东北片区', 'Northeast Zone'],
  ],
];

/** Twelve rectangular supply zones in a 3 × 4 grid over the city. */
export function buildSupplyZones(): SupplyZone[] {
  return NAMES.flatMap((row, r) =>
    row.map(([code, nameZh, nameEn], c) => {
      const [minLatitude, maxLatitude] = [LATITUDE_EDGES[r], LATITUDE_EDGES[r + 1]];
      const [minLongitude, maxLongitude] = [LONGITUDE_EDGES[c], LONGITUDE_EDGES[c + 1]];
      const polygon: [number, number][] = [
        [minLongitude, minLatitude],
        [maxLongitude, minLatitude],
        [maxLongitude, maxLatitude],
        [minLongitude, maxLatitude],
        [minLongitude, minLatitude],
      ];
      return { code, nameZh, nameEn, polygon, minLatitude, maxLatitude, minLongitude, maxLongitude };
    }),
  );
}
