import type { Persona } from '../personas';

/**
 * A month of tickets with known outcomes, as scenarios: each one a ticket's
 * steps (minutes after its start) and what it must add to the figures of the
 * centre and of each department. The expectations are written out by hand
 * from the metric definitions, not computed by oversight's code.
 */
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export type Role = 'X' | 'Y';
export type Step =
  | { kind: 'create' }
  | { kind: 'answer' }
  | { kind: 'dispatch'; to: Role }
  | { kind: 'assignment'; step: 'accept' | 'return' | 'requestExtension' | 'grantExtension' | 'reportResult' | 'urge'; of: Role }
  | { kind: 'supervise' }
  | { kind: 'callback'; result: 'SATISFIED' | 'BASICALLY_SATISFIED' | 'NOT_SATISFIED' | 'UNREACHABLE' }
  | { kind: 'closeWithExplanation' }
  | { kind: 'rate'; rating: 'SATISFIED' | 'BASICALLY_SATISFIED' | 'NOT_SATISFIED' };

export type Figure =
  | 'received' | 'directlyAnswered' | 'dispatched' | 'returned' | 'redispatched' | 'extended' | 'urged' | 'supervised'
  | 'resultReported' | 'closed' | 'onTime' | 'overdue' | 'overdueOpen' | 'satisfied' | 'basicallySatisfied' | 'notSatisfied'
  | 'unreachable' | 'reopened' | 'handled';
type Adds = Partial<Record<Figure, number>>;

export interface Scenario {
  steps: Array<[offset: number, step: Step]>;
  centre: Adds;
  departments: Partial<Record<Role, Adds>>;
  /** Dispatch → report offsets of each handled assignment, per department role. */
  handling: Array<[role: Role, from: number, to: number]>;
}

const dispatched = (to: Role, at: number): Array<[number, Step]> => [[at, { kind: 'dispatch', to }], [at + 55 * MIN, { kind: 'assignment', step: 'accept', of: to }]];
const report = (of: Role, at: number): [number, Step] => [at, { kind: 'assignment', step: 'reportResult', of }];
const callback = (at: number, result: Extract<Step, { kind: 'callback' }>['result']): [number, Step] => [at, { kind: 'callback', result }];
const both = (adds: Adds) => ({ centre: { received: 1, ...adds }, departments: { X: { received: 1, ...adds } } });

export const SCENARIOS = {
  /** 直接答复 on the spot */
  direct: { steps: [[0, { kind: 'create' }], [10 * MIN, { kind: 'answer' }]], centre: { received: 1, directlyAnswered: 1 }, departments: {}, handling: [] },
  /** reported the next day (deadline: 5 working days), satisfied */
  onTime: {
    steps: [[0, { kind: 'create' }], ...dispatched('X', 5 * MIN), report('X', DAY), callback(DAY + 5 * HOUR, 'SATISFIED')],
    ...both({ dispatched: 1, resultReported: 1, onTime: 1, closed: 1, satisfied: 1, handled: 1 }),
    handling: [['X', 5 * MIN, DAY]],
  },
  /** reported after ten days: overdue, basically satisfied */
  late: {
    steps: [[0, { kind: 'create' }], ...dispatched('X', 5 * MIN), report('X', 10 * DAY), callback(10 * DAY + 5 * HOUR, 'BASICALLY_SATISFIED')],
    ...both({ dispatched: 1, resultReported: 1, overdue: 1, closed: 1, basicallySatisfied: 1, handled: 1 }),
    handling: [['X', 5 * MIN, 10 * DAY]],
  },
  /** 退单 by X, re-dispatched to Y, which reports in time */
  returned: {
    steps: [
      [0, { kind: 'create' }],
      [5 * MIN, { kind: 'dispatch', to: 'X' }],
      [2 * HOUR, { kind: 'assignment', step: 'return', of: 'X' }],
      ...dispatched('Y', 4 * HOUR),
      report('Y', 2 * DAY),
      callback(2 * DAY + 5 * HOUR, 'SATISFIED'),
    ],
    centre: { received: 1, dispatched: 2, returned: 1, redispatched: 1, resultReported: 1, onTime: 1, closed: 1, satisfied: 1, handled: 1 },
    departments: {
      X: { received: 1, dispatched: 1, returned: 1 },
      Y: { received: 1, dispatched: 1, redispatched: 1, resultReported: 1, onTime: 1, closed: 1, satisfied: 1, handled: 1 },
    },
    handling: [['Y', 4 * HOUR, 2 * DAY]],
  },
  /** 延期 by 3 working days, reported after nine days: late by the first deadline, on time by the extended one */
  extended: {
    steps: [
      [0, { kind: 'create' }],
      ...dispatched('X', 5 * MIN),
      [3 * DAY, { kind: 'assignment', step: 'requestExtension', of: 'X' }],
      [3 * DAY + HOUR, { kind: 'assignment', step: 'grantExtension', of: 'X' }],
      report('X', 9 * DAY),
      callback(9 * DAY + 5 * HOUR, 'SATISFIED'),
    ],
    ...both({ dispatched: 1, extended: 1, resultReported: 1, onTime: 1, closed: 1, satisfied: 1, handled: 1 }),
    handling: [['X', 5 * MIN, 9 * DAY]],
  },
  /** not satisfied: reopened, sent back to X (not its first time), then satisfied */
  reopened: {
    steps: [
      [0, { kind: 'create' }],
      ...dispatched('X', 5 * MIN),
      report('X', DAY),
      callback(DAY + 5 * HOUR, 'NOT_SATISFIED'),
      ...dispatched('X', 2 * DAY),
      report('X', 3 * DAY),
      callback(3 * DAY + 5 * HOUR, 'SATISFIED'),
    ],
    ...both({ dispatched: 2, resultReported: 2, onTime: 2, notSatisfied: 1, reopened: 1, satisfied: 1, closed: 1, handled: 2 }),
    handling: [['X', 5 * MIN, DAY], ['X', 2 * DAY, 3 * DAY]],
  },
  /** 催办, then 督办 (3 working days from then): reported after six days, late only by the tightened deadline; unreachable once */
  supervisedLate: {
    steps: [
      [0, { kind: 'create' }],
      ...dispatched('X', 5 * MIN),
      [DAY, { kind: 'assignment', step: 'urge', of: 'X' }],
      [DAY + HOUR, { kind: 'supervise' }],
      report('X', 6 * DAY + 2 * HOUR),
      callback(6 * DAY + 5 * HOUR, 'UNREACHABLE'),
      callback(7 * DAY, 'SATISFIED'),
    ],
    ...both({ dispatched: 1, urged: 1, supervised: 1, resultReported: 1, overdue: 1, unreachable: 1, satisfied: 1, closed: 1, handled: 1 }),
    handling: [['X', 5 * MIN, 6 * DAY + 2 * HOUR]],
  },
  /** not satisfied, then closed with a written explanation (一单一报) */
  explained: {
    steps: [[0, { kind: 'create' }], ...dispatched('X', 5 * MIN), report('X', DAY), callback(DAY + 5 * HOUR, 'NOT_SATISFIED'), [2 * DAY, { kind: 'closeWithExplanation' }]],
    ...both({ dispatched: 1, resultReported: 1, onTime: 1, notSatisfied: 1, reopened: 1, closed: 1, handled: 1 }),
    handling: [['X', 5 * MIN, DAY]],
  },
  /** accepted and never reported: overdue, still open at the month's end */
  open: {
    steps: [[0, { kind: 'create' }], ...dispatched('X', 5 * MIN)],
    ...both({ dispatched: 1, overdue: 1, overdueOpen: 1 }),
    handling: [],
  },
  /** satisfied at the callback; the citizen rates it not satisfied, then changes it to basically satisfied */
  rated: {
    steps: [
      [0, { kind: 'create' }],
      ...dispatched('X', 5 * MIN),
      report('X', DAY),
      callback(DAY + 5 * HOUR, 'SATISFIED'),
      [2 * DAY, { kind: 'rate', rating: 'NOT_SATISFIED' }],
      [3 * DAY, { kind: 'rate', rating: 'BASICALLY_SATISFIED' }],
    ],
    ...both({ dispatched: 1, resultReported: 1, onTime: 1, closed: 1, satisfied: 1, basicallySatisfied: 1, handled: 1 }),
    handling: [['X', 5 * MIN, DAY]],
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

export const DEPARTMENTS = ['water', 'streetlight', 'transit'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Each department's own category (5 working days, the centre's default limit) and staff. */
export const OWN: Record<Department, { category: string; staff: Persona; district: string }> = {
  water: { category: 'water_quality', staff: 'waterStaff', district: 'langya' },
  streetlight: { category: 'streetlight_out', staff: 'streetlightStaff', district: 'nanqiao' },
  transit: { category: 'bus_service', staff: 'transitStaff', district: 'nanqiao' },
};

/** Half a month: each department's mix, so their on-time rates differ (water best, transit worst). */
const FORTNIGHT: Array<[ScenarioName, Department | null, Department?]> = [
  ['direct', null], ['direct', null],
  ['onTime', 'water'], ['onTime', 'water'], ['rated', 'water'], ['extended', 'water'], ['reopened', 'water'], ['late', 'water'], ['explained', 'water'],
  ['returned', 'water', 'transit'],
  ['onTime', 'streetlight'], ['onTime', 'streetlight'], ['late', 'streetlight'], ['supervisedLate', 'streetlight'], ['extended', 'streetlight'], ['open', 'streetlight'],
  ['late', 'transit'], ['late', 'transit'], ['open', 'transit'], ['reopened', 'transit'],
  ['returned', 'transit', 'streetlight'],
];

/** Working days of November 2026 (no public holiday falls in it): tickets start on the first ten, so every count stays in the month. */
const START_DAYS = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'];

export interface PlannedTicket {
  index: number;
  scenario: ScenarioName;
  /** The local start, 09:00 plus a minute per ticket, so no two steps ever share an instant. */
  start: number;
  departments: Partial<Record<Role, Department>>;
  category: string;
  channel: 'PHONE' | 'WEB';
  district: string;
}

/** Two fortnights of the mix, spread over the working days of the first two weeks. */
export function planMonth(): PlannedTicket[] {
  return [...FORTNIGHT, ...FORTNIGHT].map(([scenario, x, y], index) => ({
    index,
    scenario,
    start: Date.parse(`${START_DAYS[index % START_DAYS.length]}T09:00:00+08:00`) + index * MIN,
    departments: { ...(x ? { X: x } : {}), ...(y ? { Y: y } : {}) },
    category: x ? OWN[x].category : 'other',
    channel: x ? 'PHONE' : 'WEB',
    district: x ? OWN[x].district : 'langya',
  }));
}

/** Hours of [from, to) that fall on Monday to Friday in the city (UTC+8): November 2026 has no holiday. */
export function weekdayHours(from: number, to: number): number {
  let total = 0;
  for (let at = from; at < to; ) {
    const local = new Date(at + 8 * HOUR);
    const nextMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) - 8 * HOUR;
    const end = Math.min(to, nextMidnight);
    if (local.getUTCDay() !== 0 && local.getUTCDay() !== 6) total += end - at;
    at = end;
  }
  return total / HOUR;
}

export interface Expected {
  figures: Record<Figure, number>;
  handlingHours: number[];
}

const zero = (): Record<Figure, number> =>
  Object.fromEntries(
    ['received', 'directlyAnswered', 'dispatched', 'returned', 'redispatched', 'extended', 'urged', 'supervised', 'resultReported', 'closed', 'onTime', 'overdue', 'overdueOpen', 'satisfied', 'basicallySatisfied', 'notSatisfied', 'unreachable', 'reopened', 'handled'].map((figure) => [figure, 0]),
  ) as Record<Figure, number>;

/** What the plan must produce: for the centre ('*') and each department. */
export function expectedFigures(plan: PlannedTicket[]): Map<string, Expected> {
  const expected = new Map<string, Expected>();
  const of = (unit: string) => expected.get(unit) ?? expected.set(unit, { figures: zero(), handlingHours: [] }).get(unit)!;
  for (const ticket of plan) {
    const scenario: Scenario = SCENARIOS[ticket.scenario];
    const add = (unit: string, adds: Adds) => {
      for (const [figure, count] of Object.entries(adds)) of(unit).figures[figure as Figure] += count;
    };
    add('*', scenario.centre);
    for (const [role, adds] of Object.entries(scenario.departments)) add(ticket.departments[role as Role]!, adds!);
    for (const [role, from, to] of scenario.handling) {
      const hours = weekdayHours(ticket.start + from, ticket.start + to);
      of('*').handlingHours.push(hours);
      of(ticket.departments[role]!).handlingHours.push(hours);
    }
  }
  return expected;
}
