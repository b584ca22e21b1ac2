import fs from 'node:fs';
import { fromWallClock } from '../../../../schema/time/city-calendar';
import type { HistoryRecord } from './history-record';

/**
 * How one source's CSV columns become history records: a JSON file per source
 * (seeds/import/*.mapping.json ships Boston's and New York's 311 formats).
 * A field is a column name, or `{ column, values, default, template, fromCategory, when }`:
 * `values` translates the source's words (unmapped words are rejected, named),
 * `template` joins columns ("{CASE_TITLE} / {TYPE}"), `fromCategory` takes the
 * category's own department, `when` keeps the field only where another column
 * says so (a closing time only on closed cases).
 */
export interface ColumnMapping {
  sourceSystem: string;
  /** How the source writes times; they are read as wall-clock times in `timeZone` (the city's by default). */
  timeFormat: TimeFormat;
  timeZone?: string;
  /** Demonstration data only: move every time this many years (2015 rows read as recent). */
  yearShift?: number;
  fields: Partial<Record<MappedField, FieldSpec>>;
}

export type TimeFormat = 'ISO' | 'YYYY-MM-DD HH:mm:ss' | 'MM/DD/YYYY hh:mm:ss A';
type MappedField = Exclude<keyof HistoryRecord, never>;
type FieldSpec = string | { column?: string; values?: Record<string, string>; default?: string; template?: string; fromCategory?: boolean; when?: { column: string; equals: string[] } };

const TIME_FIELDS = new Set(['receivedAt', 'answeredAt', 'dispatchedAt', 'deadline', 'reportedAt', 'calledAt', 'closedAt']);
const NUMBER_FIELDS = new Set(['latitude', 'longitude']);
const FIELDS: MappedField[] = ['sourceId', 'channel', 'categoryCode', 'content', 'citizenName', 'citizenPhone', 'address', 'district', 'latitude', 'longitude', 'receivedAt', 'answeredAt', 'answer', 'departmentCode', 'dispatchedAt', 'deadline', 'reportedAt', 'result', 'callbackResult', 'calledAt', 'closedAt'];

export function readColumnMapping(file: string): ColumnMapping {
  let mapping: ColumnMapping;
  try {
    mapping = JSON.parse(fs.readFileSync(file, 'utf8')) as ColumnMapping;
  } catch (error) {
    throw new Error(`the mapping ${file} is not readable JSON: ${(error as Error).message}`);
  }
  if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(mapping.sourceSystem ?? '')) throw new Error(`${file}: sourceSystem must be 1 to 40 lower-case letters, digits, _ or -`);
  if (!['ISO', 'YYYY-MM-DD HH:mm:ss', 'MM/DD/YYYY hh:mm:ss A'].includes(mapping.timeFormat)) throw new Error(`${file}: timeFormat must be ISO, "YYYY-MM-DD HH:mm:ss" or "MM/DD/YYYY hh:mm:ss A"`);
  const unknown = Object.keys(mapping.fields ?? {}).filter((field) => !FIELDS.includes(field as MappedField));
  if (unknown.length) throw new Error(`${file}: no such field ${unknown.join(', ')}; fields are ${FIELDS.join(', ')}`);
  for (const needed of ['sourceId', 'channel', 'categoryCode', 'content', 'receivedAt'] as const) {
    if (!mapping.fields?.[needed]) throw new Error(`${file}: fields.${needed} is required`);
  }
  return mapping;
}

const US_TIME = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2}) (AM|PM)$/;
const CN_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** A source time as an instant; undefined when the cell is empty, an invalid Date when it cannot be read. */
export function readTime(text: string, mapping: ColumnMapping, timeZone: string): Date | undefined {
  const value = text.trim();
  if (!value) return undefined;
  const shift = mapping.yearShift ?? 0;
  if (mapping.timeFormat === 'ISO') {
    const at = new Date(value);
    if (shift) at.setUTCFullYear(at.getUTCFullYear() + shift);
    return at;
  }
  const us = mapping.timeFormat === 'MM/DD/YYYY hh:mm:ss A' ? US_TIME.exec(value) : null;
  const cn = mapping.timeFormat === 'YYYY-MM-DD HH:mm:ss' ? CN_TIME.exec(value) : null;
  if (!us && !cn) return new Date(Number.NaN);
  const [year, month, day, hour, minute, second] = us
    ? [Number(us[3]), Number(us[1]), Number(us[2]), (Number(us[4]) % 12) + (us[7] === 'PM' ? 12 : 0), Number(us[5]), Number(us[6])]
    : cn!.slice(1).map(Number);
  return fromWallClock(Date.UTC(year + shift, month - 1, day, hour, minute, second), mapping.timeZone ?? timeZone);
}

/** One CSV row as a record, or the reasons it cannot be one (the words no mapping translates). */
export function mapRow(
  row: Record<string, string>,
  mapping: ColumnMapping,
  context: { timeZone: string; departmentOf(categoryCode: string): string | null | undefined },
): { record: HistoryRecord; problems: string[] } {
  const problems: string[] = [];
  const record: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const spec = mapping.fields[field];
    if (!spec || typeof spec !== 'string') continue;
    record[field] = row[spec] ?? '';
  }
  for (const field of FIELDS) {
    const spec = mapping.fields[field];
    if (!spec || typeof spec === 'string') continue;
    if (spec.when && !spec.when.equals.includes(row[spec.when.column] ?? '')) continue;
    let value: string | null | undefined;
    if (spec.fromCategory) value = context.departmentOf(String(record.categoryCode ?? ''));
    else if (spec.template) value = spec.template.replace(/\{([^}]+)\}/g, (_all, column: string) => row[column] ?? '').trim();
    else value = spec.column ? (row[spec.column] ?? '') : '';
    if (spec.values && value) {
      const translated = spec.values[value];
      if (translated === undefined && spec.default === undefined) problems.push(`${field}: no mapping for "${value}" in ${spec.column}`);
      value = translated ?? spec.default;
    }
    record[field] = value || spec.default || '';
  }
  for (const [field, value] of Object.entries(record)) {
    if (typeof value !== 'string') continue;
    if (value.trim() === '') record[field] = null;
    else if (TIME_FIELDS.has(field)) record[field] = readTime(value, mapping, context.timeZone);
    else if (NUMBER_FIELDS.has(field)) record[field] = Number(value);
    else record[field] = value.trim();
  }
  for (const field of TIME_FIELDS) if (record[field] === undefined) record[field] = null;
  return { record: record as unknown as HistoryRecord, problems };
}
