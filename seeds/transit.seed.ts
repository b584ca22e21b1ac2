import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { distanceMeters, type Point } from '../schema/geo/geo';
import { BusRoute } from '../subgraphs/transit/src/route/bus-route.entity';
import { RouteStop } from '../subgraphs/transit/src/route-stop/route-stop.entity';
import { BusStop } from '../subgraphs/transit/src/stop/bus-stop.entity';

/** Chuzhou (滁州) city area; the roads are the ones the streetlight seed lights, so the demo city is one city. */
const AREA = { minLatitude: 32.24, maxLatitude: 32.36, minLongitude: 118.24, maxLongitude: 118.4 };
/** Demo tickets are placed here; the seed promises a stop of route 1 right next to it. */
export const CITY_CENTRE: Point = { latitude: 32.3, longitude: 118.32 };
const STOP_SPACING_METERS = 700;
const METERS_PER_DEGREE_LATITUDE = 111_195;
const CHUNK_SIZE = 200;

// East–west roads keep one latitude, north–south roads one longitude; 琅琊路 × 凤阳路 is the centre.
const EAST_WEST = [['世纪大道', 'Century Avenue', 32.255], ['南谯路', 'Nanqiao Road', 32.272], ['紫薇路', 'Ziwei Road', 32.286],
  ['琅琊路', 'Langya Road', CITY_CENTRE.latitude], ['丰乐大道', 'Fengle Avenue', 32.318], ['会峰路', 'Huifeng Road', 32.34]] as const;
const NORTH_SOUTH = [['龙蟠大道', 'Longpan Avenue', 118.262], ['清流路', 'Qingliu Road', 118.285], ['花园路', 'Garden Road', 118.303],
  ['凤阳路', 'Fengyang Road', CITY_CENTRE.longitude], ['天长路', 'Tianchang Road', 118.345], ['全椒路', 'Quanjiao Road', 118.372]] as const;

/** Stops riders know by what stands there rather than by the crossing; keyed by `road×road` or `road:side`. */
const LANDMARKS: Record<string, [string, string]> = {
  '琅琊路×凤阳路': ['市政府', 'City Hall'], '琅琊路×全椒路': ['火车站', 'Railway Station'], '南谯路:W': ['琅琊山', 'Langya Mountain'],
  '南谯路×凤阳路': ['南谯路口', 'Nanqiao Road Junction'], '会峰路×清流路': ['滁州学院', 'Chuzhou University'],
  '丰乐大道×花园路': ['人民医院', "People's Hospital"], '丰乐大道×天长路': ['汽车站', 'Bus Station'], '丰乐大道:E': ['高铁站', 'High-Speed Railway Station'],
  '世纪大道×天长路': ['体育中心', 'Sports Centre'], '紫薇路×花园路': ['明湖公园', 'Minghu Park'], '紫薇路×天长路': ['万达广场', 'Wanda Plaza'],
  '世纪大道:E': ['经济开发区', 'Economic Development Zone'], '龙蟠大道:S': ['醉翁亭', 'Zuiweng Pavilion'], '会峰路×凤阳路': ['滁州中学', 'Chuzhou Middle School'],
};
/** What the stops between crossings are named after, combined with the road: 琅琊路菜市场站. */
const PLACES = [['新村', 'New Village'], ['菜市场', 'Market'], ['小学', 'Primary School'], ['中学', 'Middle School'], ['花园', 'Garden'],
  ['公园', 'Park'], ['社区', 'Community Centre'], ['广场', 'Square'], ['邮政局', 'Post Office'], ['派出所', 'Police Station'], ['银行', 'Bank'],
  ['超市', 'Supermarket'], ['加油站', 'Petrol Station'], ['体育馆', 'Gymnasium'], ['图书馆', 'Library'], ['卫生院', 'Clinic'], ['电力公司', 'Power Company'],
  ['税务局', 'Tax Office'], ['工业园', 'Industrial Park'], ['商业街', 'Shopping Street'], ['文化馆', 'Cultural Centre'], ['幼儿园', 'Kindergarten'],
  ['小区', 'Residential Estate'], ['农贸市场', "Farmers' Market"]] as const;

/**
 * [code, path, first departure, last departure]. A path is [start, road, road, …, end]: the bus runs
 * along each road to where it crosses the next; start and end are a crossing road or an area edge
 * (W/E/S/N). K lines are express: they call at crossings and termini only.
 */
const ROUTES: [string, string[], string, string][] = [
  ['1', ['W', '琅琊路', 'E'], '05:50', '22:00'],
  ['2', ['S', '凤阳路', 'N'], '06:00', '21:30'],
  ['3', ['W', '南谯路', '凤阳路', '丰乐大道', '天长路'], '06:00', '21:00'],
  ['4', ['清流路', '会峰路', '全椒路', '琅琊路'], '06:10', '20:30'],
  ['5', ['W', '紫薇路', 'E'], '06:00', '21:00'],
  ['6', ['S', '花园路', 'N'], '06:20', '20:00'],
  ['7', ['S', '天长路', 'N'], '06:00', '21:30'],
  ['8', ['W', '世纪大道', '天长路', '琅琊路'], '06:30', '19:30'],
  ['9', ['S', '清流路', '琅琊路', '天长路'], '06:00', '20:30'],
  ['10', ['W', '丰乐大道', 'E'], '05:40', '22:30'],
  ['11', ['S', '全椒路', 'N'], '06:00', '20:00'],
  ['12', ['S', '龙蟠大道', '紫薇路', '凤阳路', '会峰路'], '06:15', '20:15'],
  ['K1', ['W', '南谯路', '凤阳路', '琅琊路', '全椒路', '丰乐大道', 'E'], '06:30', '21:00'],
  ['K2', ['W', '世纪大道', '全椒路', 'N'], '07:00', '19:00'],
  ['101', ['E', '丰乐大道', '天长路', 'S'], '06:00', '19:00'],
];
// 101 runs out to the county towns, under the rural–urban company
const operatorOf = (code: string) => (code.length === 3 ? '滁州城乡公交有限公司' : '滁州市公共交通集团有限公司');

interface Road { zh: string; en: string; eastWest: boolean; at: number }
interface StopDraft extends BusStop { crossingOrEnd: boolean }

const ROADS: Road[] = [
  ...EAST_WEST.map(([zh, en, at]) => ({ zh, en, eastWest: true, at })),
  ...NORTH_SOUTH.map(([zh, en, at]) => ({ zh, en, eastWest: false, at })),
];
function road(zh: string): Road {
  const found = ROADS.find((candidate) => candidate.zh === zh);
  if (!found) throw new Error(`transit seed: no road ${zh}`);
  return found;
}
const ends = (r: Road) => (r.eastWest ? [AREA.minLongitude, AREA.maxLongitude] : [AREA.minLatitude, AREA.maxLatitude]);
/** How far along its road a stop is: longitude on an east–west road, latitude on a north–south one. */
const along = (r: Road, stop: Point) => (r.eastWest ? stop.longitude : stop.latitude);

/** Every road's stops in order along it; a crossing is one stop, shared by both roads. Codes follow creation order. */
function buildRoadStops(): Map<Road, StopDraft[]> {
  const byKey = new Map<string, StopDraft>();
  const stopAt = (key: string, r: Road, position: number, crossingOrEnd: boolean, [zh, en]: readonly [string, string]) => {
    if (!byKey.has(key)) {
      const [nameZh, nameEn] = LANDMARKS[key] ?? [zh, en];
      const [latitude, longitude] = r.eastWest ? [r.at, position] : [position, r.at];
      const code = `ST-${String(byKey.size + 1).padStart(4, '0')}`;
      byKey.set(key, { code, nameZh, nameEn, latitude: round6(latitude), longitude: round6(longitude), crossingOrEnd });
    }
    return byKey.get(key)!;
  };
  const roadStops = new Map<Road, StopDraft[]>();
  ROADS.forEach((r, roadIndex) => {
    const sides = r.eastWest ? [['W', '西', 'West'], ['E', '东', 'East']] : [['S', '南', 'South'], ['N', '北', 'North']];
    const anchors = [
      ...sides.map(([side, zh, en], i) => stopAt(`${r.zh}:${side}`, r, ends(r)[i], true, [`${r.zh}${zh}端站`, `${r.en} ${en} End Stop`])),
      ...ROADS.filter((other) => other.eastWest !== r.eastWest).map((other) => {
        const [ew, ns] = r.eastWest ? [r, other] : [other, r];
        return stopAt(`${ew.zh}×${ns.zh}`, r, other.at, true, [`${ns.zh}${ew.zh}口`, `${ns.en} & ${ew.en} Junction`]);
      }),
    ].sort((a, b) => along(r, a) - along(r, b));
    const metersPerDegree = METERS_PER_DEGREE_LATITUDE * (r.eastWest ? Math.cos((r.at * Math.PI) / 180) : 1);
    const stops = [anchors[0]];
    let placeIndex = roadIndex * 7; // neighbouring roads should not repeat the same places
    for (let i = 1; i < anchors.length; i += 1) {
      const [from, to] = [along(r, anchors[i - 1]), along(r, anchors[i])];
      const parts = Math.max(1, Math.round(((to - from) * metersPerDegree) / STOP_SPACING_METERS));
      for (let k = 1; k < parts; k += 1) {
        const [zh, en] = PLACES[placeIndex++ % PLACES.length];
        stops.push(stopAt(`${r.zh}:${i}:${k}`, r, from + ((to - from) * k) / parts, false, [`${r.zh}${zh}站`, `${r.en} ${en} Stop`]));
      }
      stops.push(anchors[i]);
    }
    roadStops.set(r, stops);
  });
  return roadStops;
}
const round6 = (value: number) => Number(value.toFixed(6));

/** Where on `r` a path starts or ends: an area edge, or the crossing with another road. */
function position(r: Road, mark: string): number {
  if (mark === 'W' || mark === 'S') return ends(r)[0];
  if (mark === 'E' || mark === 'N') return ends(r)[1];
  return road(mark).at;
}

function callsOf(roadStops: Map<Road, StopDraft[]>, path: string[], express: boolean): StopDraft[] {
  const roads = path.slice(1, -1).map(road);
  return roads.flatMap((r, i) => {
    const from = position(r, i === 0 ? path[0] : roads[i - 1].zh);
    const to = position(r, i === roads.length - 1 ? path[path.length - 1] : roads[i + 1].zh);
    const [low, high] = [Math.min(from, to), Math.max(from, to)];
    const leg = roadStops.get(r)!.filter((s) => along(r, s) >= low && along(r, s) <= high && (s.crossingOrEnd || !express));
    if (from > to) leg.reverse();
    return i === 0 ? leg : leg.slice(1); // the turn's crossing ended the previous leg
  });
}

/** The whole network, the same on every run: routes, the stops they call at, and the calls in order. */
export function buildTransitNetwork(): { stops: BusStop[]; routes: BusRoute[]; routeStops: RouteStop[] } {
  const roadStops = buildRoadStops();
  const stops = new Map<string, BusStop>();
  const routes: BusRoute[] = [];
  const routeStops: RouteStop[] = [];
  for (const [code, path, firstDeparture, lastDeparture] of ROUTES) {
    routes.push({ code, nameZh: `${code}路`, nameEn: `Route ${code}`, firstDeparture, lastDeparture, operator: operatorOf(code) });
    callsOf(roadStops, path, code.startsWith('K')).forEach(({ crossingOrEnd: _, ...stop }, i) => {
      stops.set(stop.code, stop);
      routeStops.push({ routeCode: code, sequence: i + 1, stopCode: stop.code });
    });
  }
  const routeOne = routeStops.filter((call) => call.routeCode === '1').map((call) => stops.get(call.stopCode)!);
  if (!routeOne.some((stop) => distanceMeters(stop, CITY_CENTRE) <= 150)) {
    throw new Error('transit seed: route 1 must call within 150 m of the city centre, where demo tickets are placed');
  }
  return { stops: [...stops.values()], routes, routeStops };
}

async function insertMissing<T extends ObjectLiteral>(manager: EntityManager, entity: new () => T, rows: T[], key: (row: T) => string) {
  const existing = await manager.getRepository(entity).find();
  const known = new Set(existing.map(key));
  const missing = rows.filter((row) => !known.has(key(row)));
  for (let start = 0; start < missing.length; start += CHUNK_SIZE) {
    // orIgnore: a seed running concurrently may have inserted the same rows since we looked
    await manager.createQueryBuilder().insert().into(entity).values(missing.slice(start, start + CHUNK_SIZE)).orIgnore().updateEntity(false).execute();
  }
  return missing.length;
}

/** Inserts the routes, stops and calls not there yet; running it again inserts nothing. Bus data has no clock, so `now` is unused. */
export async function seedTransit(dataSource: DataSource, options: { now?: Date } = {}): Promise<{ inserted: number }> {
  void options;
  const { stops, routes, routeStops } = buildTransitNetwork();
  return dataSource.transaction(async (manager) => {
    let inserted = await insertMissing(manager, BusStop, stops, (stop) => stop.code);
    inserted += await insertMissing(manager, BusRoute, routes, (route) => route.code);
    inserted += await insertMissing(manager, RouteStop, routeStops, (link) => `${link.routeCode}#${link.sequence}`);
    return { inserted };
  });
}
