/**
 * The counts a rollup row keeps; what each means is in the schema
 * (OversightFigures) and the README. One list drives the columns, the
 * migration and the sums, so a new count is one line here and a migration.
 */
export const COUNTERS = [
  'received',
  'directlyAnswered',
  'dispatched',
  'redispatched',
  'returned',
  'extended',
  'urged',
  'supervised',
  'resultReported',
  'closed',
  'onTime',
  'overdue',
  'satisfied',
  'basicallySatisfied',
  'notSatisfied',
  'unreachable',
  'reopened',
  'handled',
  'repeated',
] as const;

export type Counter = (typeof COUNTERS)[number];

export type Counts = Record<Counter, number>;

export const zeroCounts = (): Counts => Object.fromEntries(COUNTERS.map((counter) => [counter, 0])) as Counts;

/** The unit a row counts for when it is the whole centre rather than one department. */
export const CENTRE = '*';
