import { randomUUID } from 'node:crypto';
import { v7 as timeOrderedId } from 'uuid';
import { CATEGORIES } from '../../../seeds/intake/categories';
import type { AuditEventWire } from '../../../schema/audit/audit-wire';
import type { WorkingCalendar } from '../../../schema/time/working-calendar';
import { canonicalJson } from '../../../subgraphs/audit/src/trail/trail-hash';
import type { SeededRandom } from './seeded-random';

/**
 * One ticket as intake would have left it after its life: the ticket row, its
 * assignments and the audit events each step recorded (which intake's outbox
 * delivered and audit chained). Three in ten are answered on the spot; the rest
 * go to the category's department, which accepts and reports, and the citizen's
 * callback closes them; a share is still open, pending or accepted.
 */
const MIN = 60_000;
const HOUR = 60 * MIN;
const CHANNELS = ['PHONE', 'PHONE', 'PHONE', 'SMS', 'WEB', 'APP', 'MAYOR_MAILBOX'];
const DISTRICTS = ['langya', 'nanqiao', 'laian', 'quanjiao', 'dingyuan', 'fengyang', 'tianchang', 'mingguang'];
const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄'];
const DEPARTMENTS_OF_UNOWNED = ['water', 'streetlight', 'transit'];
const TEXTS = [
  '小区停水一整天了，请尽快恢复供水 No water in the compound all day',
  '路口路灯不亮，晚上很危险 The streetlight at the crossing is out',
  '公交站台破损，候车不便 The bus shelter is broken',
  '楼下噪音扰民，夜间施工 Construction noise at night',
  '道路有坑，车辆颠簸 A pothole on the road',
];

/** An event as intake recorded it: the wire format, with `data` as the canonical JSON text both databases store. */
export type EventRow = Omit<AuditEventWire, 'data' | 'occurredAt'> & { data: string | null; occurredAt: Date };

export interface TicketLife {
  ticket: Record<string, unknown>;
  assignments: Array<Record<string, unknown>>;
  events: EventRow[];
}

export const OPEN_SHARE = 0.04;

const CITY_OFFSET_MS = 8 * HOUR;
const workingDayOffsets = new Map<string, number>();
/**
 * n working days after `at`, as the calendar says, remembered per local day:
 * the calendar converts through Intl for every day it steps over, which was
 * most of the generator's time. Exact for the city's zone (Asia/Shanghai keeps
 * no daylight saving time, so the same local day always moves by the same span).
 */
function workingDeadline(calendar: WorkingCalendar, at: number, days: number): number {
  const key = `${Math.floor((at + CITY_OFFSET_MS) / (24 * HOUR))}:${days}`;
  let offset = workingDayOffsets.get(key);
  if (offset === undefined) workingDayOffsets.set(key, (offset = calendar.addWorkingDays(new Date(at), days).getTime() - at));
  return at + offset;
}

export function ticketLife(rng: SeededRandom, calendar: WorkingCalendar, number: string, createdAt: number): TicketLife {
  const id = randomUUID();
  const category = rng.pick(CATEGORIES);
  const channel = rng.pick(CHANNELS);
  const district = rng.pick(DISTRICTS);
  const operator = `operator-${Math.floor(rng.next() * 40)}`;
  const events: EventRow[] = [];
  const emit = (at: number, actorId: string, actorRole: string, action: string, entityType: string, entityId: string, fromState: string | null, toState: string | null, data: Record<string, unknown> | null) =>
    events.push({ id: timeOrderedId({ msecs: at }), ticketId: id, subgraph: 'intake', action, entityType, entityId, fromState, toState, actorId, actorRole, requestId: randomUUID(), reason: null, data: data && canonicalJson(data), occurredAt: new Date(at) });
  const ticket: Record<string, unknown> = {
    id,
    number,
    channel,
    citizenName: `${rng.pick(SURNAMES)}先生`,
    citizenPhone: `139${String(Math.floor(rng.next() * 1e8)).padStart(8, '0')}`,
    content: rng.pick(TEXTS),
    categoryCode: category.code,
    address: `滁州市${district}区 ${Math.floor(rng.between(1, 300))} 号`,
    district,
    latitude: +rng.between(32.2, 32.4).toFixed(5),
    longitude: +rng.between(118.2, 118.45).toFixed(5),
    status: 'RECEIVED',
    answer: null,
    createdAt,
    updatedAt: createdAt,
    deadline: null,
    closedAt: null,
    version: 1,
    supervision: 'NONE',
  };
  emit(createdAt, operator, 'OPERATOR', 'ticket.created', 'Ticket', id, null, 'RECEIVED', { number, channel, categoryCode: category.code, district });
  const life: TicketLife = { ticket, assignments: [], events };
  if (rng.next() < 0.3) {
    const at = createdAt + rng.between(2, 20) * MIN;
    Object.assign(ticket, { status: 'ANSWERED', answer: '已答复：按政策解释 Answered on the spot', updatedAt: at, closedAt: at, version: 2 });
    emit(at, operator, 'OPERATOR', 'ticket.answer', 'Ticket', id, 'RECEIVED', 'ANSWERED', null);
    return life;
  }
  const department = category.departmentCode ?? rng.pick(DEPARTMENTS_OF_UNOWNED);
  const staff = `${department}-staff-${Math.floor(rng.next() * 10)}`;
  let at = createdAt + rng.between(5, 60) * MIN;
  const deadline = category.timeLimitHours ? at + category.timeLimitHours * HOUR : workingDeadline(calendar, at, category.timeLimitWorkingDays ?? 5);
  const assignment: Record<string, unknown> = {
    id: randomUUID(), ticketId: id, departmentCode: department, lead: 1, status: 'PENDING', dispatchedAt: at, deadline, updatedAt: at, version: 1,
    extensionsGranted: 0, urgeCount: 0, acceptedAt: null, reportedAt: null, result: null,
  };
  life.assignments.push(assignment);
  Object.assign(ticket, { status: 'DISPATCHED', deadline, updatedAt: at, version: 2 });
  emit(at, operator, 'OPERATOR', 'ticket.dispatched', 'Assignment', assignment.id as string, 'RECEIVED', 'DISPATCHED', { departmentCode: department, lead: true, deadline: new Date(deadline).toISOString() });
  const fate = rng.next();
  if (fate < OPEN_SHARE / 2) return life; // still waiting for the department
  at += rng.between(0.5, 3) * HOUR;
  Object.assign(assignment, { status: 'ACCEPTED', acceptedAt: at, updatedAt: at, version: 2 });
  emit(at, staff, 'DEPARTMENT_STAFF', 'assignment.accept', 'Assignment', assignment.id as string, 'PENDING', 'ACCEPTED', { departmentCode: department });
  if (fate < OPEN_SHARE) return life; // being handled
  at = Math.max(at + MIN, fate < 0.84 ? rng.between(at, deadline) : deadline + rng.between(1, 72) * HOUR);
  const result = '已处理完毕 Fixed and checked on site';
  Object.assign(assignment, { status: 'RESULT_REPORTED', result, reportedAt: at, updatedAt: at, version: 3 });
  emit(at, staff, 'DEPARTMENT_STAFF', 'assignment.reportResult', 'Assignment', assignment.id as string, 'ACCEPTED', 'RESULT_REPORTED', { departmentCode: department });
  emit(at, staff, 'DEPARTMENT_STAFF', 'ticket.result_reported', 'Ticket', id, 'DISPATCHED', 'RESULT_REPORTED', null);
  at += rng.between(2, 30) * HOUR;
  Object.assign(assignment, { status: 'FINISHED', updatedAt: at, version: 4 });
  Object.assign(ticket, { status: 'CLOSED', closedAt: at, updatedAt: at, version: 4 });
  emit(at, operator, 'OPERATOR', 'ticket.callback', 'Ticket', id, 'RESULT_REPORTED', 'CLOSED', { result: rng.next() < 0.9 ? 'SATISFIED' : 'BASICALLY_SATISFIED' });
  return life;
}
