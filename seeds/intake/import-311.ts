import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Channel, TicketStatus } from '../../schema/enums';
import { deterministicId } from '../deterministic-id';
import { categoryByCode } from './categories';
import { fictionalCitizen } from './fictional-citizen';
import { shiftedCityTime } from './shifted-city-time';

/** A ticket as the seed inserts it, before it gets a number. */
export interface TicketSeed {
  id: string;
  sourceId: string;
  channel: Channel;
  categoryCode: string;
  departmentCode: string;
  content: string;
  citizenName: string;
  citizenPhone: string;
  address: string;
  latitude: number;
  longitude: number;
  status: TicketStatus;
  createdAt: Date;
  deadline: Date | null;
  closedAt: Date | null;
  /** Boston's own verdict; null where the file leaves it blank. */
  onTime: boolean | null;
}

/** Boston case type (the file name) to our category, with the sentence an operator would write. */
export const BOSTON_CATEGORIES: Record<string, { categoryCode: string; sentence: string }> = {
  General_Lighting_Request: { categoryCode: 'streetlight_out', sentence: '市民反映路灯不亮，请尽快检修。' },
  Street_Light_Knock_Downs: { categoryCode: 'streetlight_damaged', sentence: '市民反映路灯杆被撞倒或损坏，存在安全隐患。' },
  Watermain_Break: { categoryCode: 'water_pipe_burst', sentence: '市民反映供水管道爆裂，路面冒水。' },
  New_Tree_Requests: { categoryCode: 'tree_request', sentence: '市民申请在门前补植行道树。' },
  Tree_Emergencies: { categoryCode: 'tree_emergency', sentence: '市民反映树木倒伏，阻碍通行。' },
  Pick_up_Dead_Animal: { categoryCode: 'dead_animal', sentence: '市民反映路边有动物尸体，请派人清理。' },
};

/**
 * Boston's intake sources onto our channels. 12345 has no "internal" channel:
 * staff who spot a fault report it like anyone else, so Employee Generated
 * counts as a call an operator keys in; system feeds and tweets arrive as
 * online messages, as the provincial message boards do.
 */
export const CHANNEL_BY_SOURCE: Record<string, Channel> = {
  'Constituent Call': Channel.PHONE,
  'Employee Generated': Channel.PHONE,
  'Self Service': Channel.WEB,
  Twitter: Channel.WEB,
  'Maximo Integration': Channel.WEB,
  'Citizens Connect App': Channel.APP,
  'City Worker App': Channel.APP,
};

// Moves Boston (42.33, -71.08) onto Chuzhou (32.30, 118.32); the shape of the city is kept.
const LATITUDE_OFFSET = 32.3 - 42.33;
const LONGITUDE_OFFSET = 118.32 - -71.08;
// Boston geocodes an unlocatable request to City Hall; such points say nothing about where.
const CITY_HALL = { latitude: 42.3594, longitude: -71.0587 };

type Row = Record<string, string>;

export function read311File(filePath: string, options: { limit?: number } = {}): TicketSeed[] {
  const caseType = path.basename(filePath, '.csv').replace(/^boston_/, '');
  const mapping = BOSTON_CATEGORIES[caseType];
  if (!mapping) throw new Error(`no category for Boston case type "${caseType}" (${filePath})`);
  const rows: Row[] = parse(fs.readFileSync(filePath), { columns: true, skip_empty_lines: true, bom: true });
  const limit = options.limit ?? Infinity;
  const seeds: TicketSeed[] = [];
  for (const row of rows) {
    if (seeds.length >= limit) break;
    const seed = toTicketSeed(row, mapping.categoryCode, mapping.sentence);
    if (seed) seeds.push(seed);
  }
  return seeds;
}

function toTicketSeed(row: Row, categoryCode: string, sentence: string): TicketSeed | null {
  const latitude = Number(row.LATITUDE);
  const longitude = Number(row.LONGITUDE);
  if (!row.LATITUDE || !row.LONGITUDE || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (latitude === CITY_HALL.latitude && longitude === CITY_HALL.longitude) return null;
  const channel = CHANNEL_BY_SOURCE[row.Source];
  if (!channel) throw new Error(`unmapped 311 Source "${row.Source}" in case ${row.CASE_ENQUIRY_ID}`);
  const department = categoryByCode(categoryCode).departmentCode;
  if (!department) throw new Error(`category ${categoryCode} has no department to dispatch to`);
  const citizen = fictionalCitizen(`boston:${row.CASE_ENQUIRY_ID}`);
  const closed = row.CASE_STATUS === 'Closed';
  const original = row.CASE_TITLE && row.CASE_TITLE !== row.TYPE ? `${row.CASE_TITLE} / ${row.TYPE}` : row.TYPE;
  return {
    id: deterministicId(`boston:${row.CASE_ENQUIRY_ID}`),
    sourceId: row.CASE_ENQUIRY_ID,
    channel,
    categoryCode,
    departmentCode: department,
    content: `${sentence} (Boston 311: ${original})`,
    citizenName: citizen.name,
    citizenPhone: citizen.phone,
    address: citizen.address,
    latitude: round6(latitude + LATITUDE_OFFSET),
    longitude: round6(longitude + LONGITUDE_OFFSET),
    status: closed ? TicketStatus.CLOSED : TicketStatus.DISPATCHED,
    createdAt: requiredTime(row.OPEN_DT, row.CASE_ENQUIRY_ID),
    deadline: shiftedCityTime(row.TARGET_DT),
    closedAt: closed ? shiftedCityTime(row.CLOSED_DT) : null,
    onTime: row.OnTime_Status === 'ONTIME' ? true : row.OnTime_Status === 'OVERDUE' ? false : null,
  };
}

function requiredTime(text: string, caseId: string): Date {
  const at = shiftedCityTime(text);
  if (!at) throw new Error(`311 case ${caseId} has no OPEN_DT`);
  return at;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
