import { Channel } from '../../../../schema/enums';
import { CallbackResult } from '../callback/callback.entity';
import { PHONE_PATTERN } from '../ticket/ticket.input';
import { visibleText } from '../ticket/visible-text';

/**
 * One request from an old hotline's history, as the importer understands it
 * whatever the source's columns were (see column-mapping.ts). Only what the
 * source knows is given; the importer invents no step it did not record.
 */
export interface HistoryRecord {
  sourceId: string;
  channel: Channel;
  categoryCode: string;
  content: string;
  citizenName?: string | null;
  citizenPhone?: string | null;
  address?: string | null;
  district?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  receivedAt: Date;
  /** 直接答复: answered on the spot; no department. */
  answeredAt?: Date | null;
  answer?: string | null;
  departmentCode?: string | null;
  dispatchedAt?: Date | null;
  /** When absent, the category's time limit from the dispatch, as a live dispatch sets it. */
  deadline?: Date | null;
  reportedAt?: Date | null;
  result?: string | null;
  callbackResult?: CallbackResult | null;
  calledAt?: Date | null;
  closedAt?: Date | null;
}

/** What the catalogue holds: a record may name only these. */
export interface Catalogue {
  categories: ReadonlySet<string>;
  departments: ReadonlySet<string>;
}

const valid = (at: Date | null | undefined) => at instanceof Date && !Number.isNaN(at.getTime());

/** Every reason the record cannot be imported, at once; an empty list means it can. */
export function recordProblems(record: HistoryRecord, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  if (!record.sourceId || record.sourceId.length > 100) problems.push('sourceId: missing or longer than 100 characters');
  if (!Object.values(Channel).includes(record.channel)) problems.push(`channel: "${record.channel ?? ''}" is not one of ${Object.values(Channel).join(', ')}`);
  if (!catalogue.categories.has(record.categoryCode)) problems.push(`categoryCode: "${record.categoryCode ?? ''}" is not in the catalogue`);
  if (!record.content || !visibleText(record.content)) problems.push('content: empty');
  else if (record.content.length > 4000) problems.push('content: longer than 4000 characters');
  if (record.citizenPhone && !PHONE_PATTERN.test(record.citizenPhone)) problems.push(`citizenPhone: "${record.citizenPhone}" is not a mainland mobile or landline number`);
  if ((record.latitude == null) !== (record.longitude == null)) problems.push('latitude/longitude: give both or neither');
  if (record.latitude != null && !(Math.abs(record.latitude) <= 90)) problems.push('latitude: not between -90 and 90');
  if (record.longitude != null && !(Math.abs(record.longitude) <= 180)) problems.push('longitude: not between -180 and 180');
  if (!valid(record.receivedAt)) problems.push('receivedAt: missing or not a time');
  const times: Array<[string, Date | null | undefined]> = [['answeredAt', record.answeredAt], ['dispatchedAt', record.dispatchedAt], ['reportedAt', record.reportedAt], ['calledAt', record.calledAt], ['closedAt', record.closedAt], ['deadline', record.deadline]];
  for (const [name, at] of times) {
    if (at != null && !valid(at)) problems.push(`${name}: not a time`);
    else if (at && valid(record.receivedAt) && at.getTime() < record.receivedAt.getTime()) problems.push(`${name}: before receivedAt`);
  }
  const dispatched = Boolean(record.departmentCode || record.dispatchedAt);
  if (record.answeredAt && dispatched) problems.push('answeredAt: a request answered on the spot was not also dispatched');
  if (dispatched) {
    if (!record.departmentCode || !catalogue.departments.has(record.departmentCode)) problems.push(`departmentCode: "${record.departmentCode ?? ''}" is not in the catalogue`);
    if (!record.dispatchedAt) problems.push('dispatchedAt: a dispatched request needs its dispatch time');
  } else if (record.reportedAt || record.calledAt) problems.push('reportedAt/calledAt: only a dispatched request has a result or a callback');
  if (record.calledAt && !record.callbackResult) problems.push('callbackResult: a callback needs its result');
  if (record.callbackResult && !record.reportedAt) problems.push('callbackResult: a callback follows a reported result');
  if (record.reportedAt && record.dispatchedAt && valid(record.dispatchedAt) && record.reportedAt.getTime() < record.dispatchedAt.getTime()) problems.push('reportedAt: before dispatchedAt');
  if (record.closedAt && !record.answeredAt && !record.reportedAt) problems.push('closedAt: a closed request was answered or had its result reported');
  return problems;
}
