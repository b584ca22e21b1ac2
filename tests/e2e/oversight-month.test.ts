import { oversightRows, rebuildFromStack } from '../support/oversight/follow-feed';
import { DEPARTMENTS, expectedFigures, type Expected, type Figure, planMonth } from '../support/oversight/month-plan';
import { leaveMonth, type monthCaller, playMonth } from '../support/oversight/run-month';
import type { Persona } from '../support/personas';
import type { Stack } from '../support/stack';

/**
 * Issue 11's acceptance: a month of tickets with known outcomes, played
 * through the gateway with the clock moved to each step's instant (so
 * deadlines pass for real), gives exactly the expected figures and ranking;
 * the scopes hold; a rebuild from the feed equals the incremental rollups and
 * a recomputation from intake's own tables.
 */
jest.setTimeout(300_000);

const NOVEMBER = { kind: 'MONTH', date: '2026-11-15' };
const FIGURES = `received directlyAnswered dispatched returned redispatched extended urged supervised resultReported closed onTime overdue
  overdueOpen satisfied basicallySatisfied notSatisfied unreachable reopened handled averageHandlingHours p90HandlingHours
  directAnswerRate { numerator denominator value } completionRate { numerator denominator value } returnRate { numerator denominator value }
  extensionRate { numerator denominator value } onTimeRate { numerator denominator value } satisfactionRate { numerator denominator value }`;
const SUMMARY = `query($period: PeriodInput!, $filter: OversightFilter) { oversightSummary(period: $period, filter: $filter) { period { from to previousFrom previousTo } figures { ${FIGURES} } } }`;
const PERFORMANCE = `query($code: String!, $period: PeriodInput!, $filter: OversightFilter) {
  departmentPerformance(departmentCode: $code, period: $period, filter: $filter) { figures { ${FIGURES} } rank(metric: ON_TIME_RATE) { rank value } } }`;
const RANKING = `query($period: PeriodInput!, $metric: RankingMetric!, $direction: RankingDirection) {
  departmentRanking(period: $period, metric: $metric, direction: $direction) {
    entries { rank departmentCode department { nameZh } value rate { numerator denominator } previousRank previousValue change } } }`;

const plan = planMonth();
const expected = expectedFigures(plan);
let stack: Stack;
let call: ReturnType<typeof monthCaller>;

beforeAll(async () => {
  ({ stack, call } = await playMonth(plan));
});

afterAll(() => leaveMonth(stack));

async function data(persona: Persona, query: string, variables: Record<string, unknown>) {
  const body = await call(persona, query, variables);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
/** Nearest-rank p90 of the exact times; oversight reports the upper edge of its bucket (¼ h to 8 h, 1 h to 120 h, 8 h on). */
function expectP90(reported: number, hours: number[]) {
  const exact = [...hours].sort((a, b) => a - b)[Math.ceil(0.9 * hours.length) - 1];
  expect(reported).toBeGreaterThanOrEqual(exact);
  expect(reported - exact).toBeLessThan(exact <= 8 ? 0.25 : exact <= 120 ? 1 : 8);
}

function expectFigures(figures: Record<string, any>, want: Expected) {
  for (const [figure, count] of Object.entries(want.figures)) expect({ [figure]: figures[figure] }).toEqual({ [figure]: count });
  const f = want.figures;
  expect(figures.averageHandlingHours).toBeCloseTo(mean(want.handlingHours), 3);
  expectP90(figures.p90HandlingHours, want.handlingHours);
  const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator ? numerator / denominator : null });
  expect(figures.onTimeRate).toEqual(rate(f.onTime, f.onTime + f.overdue));
  expect(figures.satisfactionRate).toEqual(rate(f.satisfied + f.basicallySatisfied, f.satisfied + f.basicallySatisfied + f.notSatisfied));
  expect(figures.completionRate).toEqual(rate(f.closed + f.directlyAnswered, f.received));
  expect(figures.returnRate).toEqual(rate(f.returned, f.dispatched));
  expect(figures.directAnswerRate).toEqual(rate(f.directlyAnswered, f.received));
  expect(figures.extensionRate).toEqual(rate(f.extended, f.dispatched));
}

const onTimeRate = (code: string) => {
  const f = expected.get(code)!.figures;
  return f.onTime / (f.onTime + f.overdue);
};

describe('oversight over a month of tickets with known outcomes', () => {
  it('counts every figure of the centre exactly', async () => {
    const { oversightSummary } = await data('supervisor', SUMMARY, { period: NOVEMBER });
    expect(oversightSummary.period).toEqual({ from: '2026-11-01', to: '2026-11-30', previousFrom: '2026-10-01', previousTo: '2026-10-31' });
    expectFigures(oversightSummary.figures, expected.get('*')!);
  });

  it.each(DEPARTMENTS)("counts every figure of %s exactly, and its own place in the ranking", async (code) => {
    const { departmentPerformance } = await data('operator', PERFORMANCE, { code, period: NOVEMBER });
    expectFigures(departmentPerformance.figures, expected.get(code)!);
    expect(departmentPerformance.rank.value).toBeCloseTo(onTimeRate(code), 10);
  });

  it('ranks the departments by on-time rate as expected, each held against October', async () => {
    const { departmentRanking } = await data('auditor', RANKING, { period: NOVEMBER, metric: 'ON_TIME_RATE' });
    const order = [...DEPARTMENTS].sort((a, b) => onTimeRate(b) - onTimeRate(a));
    expect(departmentRanking.entries.map((entry: { departmentCode: string }) => entry.departmentCode)).toEqual(order);
    departmentRanking.entries.forEach((entry: any, index: number) => {
      const f = expected.get(entry.departmentCode)!.figures;
      expect(entry).toMatchObject({ rank: index + 1, value: onTimeRate(entry.departmentCode), rate: { numerator: f.onTime, denominator: f.onTime + f.overdue } });
      // October had no ticket: nothing to be held against
      expect(entry).toMatchObject({ previousRank: null, previousValue: null, change: null });
      expect(entry.department.nameZh).toBeTruthy();
    });
    const slowest = await data('auditor', RANKING, { period: NOVEMBER, metric: 'OVERDUE', direction: 'ASC' });
    expect(slowest.departmentRanking.entries[0]).toMatchObject({ departmentCode: 'water', rank: 1, value: expected.get('water')!.figures.overdue });
  });

  it('holds a week against the week before it', async () => {
    const { departmentRanking } = await data('operator', RANKING, { period: { kind: 'WEEK', date: '2026-11-11' }, metric: 'RECEIVED' });
    const received = (from: string, to: string, code: string) =>
      plan.filter((t) => {
        const day = new Date(t.start + 8 * 3600_000).toISOString().slice(0, 10);
        return day >= from && day <= to && (t.departments.X === code || t.departments.Y === code);
      }).length;
    for (const entry of departmentRanking.entries) {
      expect(entry.value).toBe(received('2026-11-09', '2026-11-15', entry.departmentCode));
      expect(entry.previousValue).toBe(received('2026-11-02', '2026-11-08', entry.departmentCode));
      expect(entry.change).toBe(entry.value - entry.previousValue);
    }
  });

  it('cuts by channel, category and district', async () => {
    const direct = plan.filter((t) => t.scenario === 'direct').length;
    const web = (await data('operator', SUMMARY, { period: NOVEMBER, filter: { channels: ['WEB'] } })).oversightSummary.figures;
    expect(web).toMatchObject({ received: direct, directlyAnswered: direct, dispatched: 0 });
    const waterQuality = await data('operator', PERFORMANCE, { code: 'water', period: NOVEMBER, filter: { categoryCodes: ['water_quality'] } });
    expectFigures(waterQuality.departmentPerformance.figures, expected.get('water')!);
    const nanqiao = (await data('operator', SUMMARY, { period: NOVEMBER, filter: { districts: ['nanqiao'] } })).oversightSummary.figures;
    expect(nanqiao.received).toBe(plan.filter((t) => t.district === 'nanqiao').length);
  });

  it("reads through the centre's Department entity", async () => {
    const { departments } = await data('operator', 'query($period: PeriodInput!) { departments { code performance(period: $period) { figures { onTime overdue } } } }', { period: NOVEMBER });
    for (const code of DEPARTMENTS) {
      const { figures } = departments.find((department: { code: string }) => department.code === code).performance;
      expect(figures).toEqual({ onTime: expected.get(code)!.figures.onTime, overdue: expected.get(code)!.figures.overdue });
    }
  });
});

describe('who sees which figures', () => {
  const refused = async (persona: Persona, query: string, variables: Record<string, unknown>) => (await call(persona, query, variables)).errors?.[0]?.extensions?.code;

  it("gives a department's staff their own figures and their own place, nothing else", async () => {
    const own = await data('waterStaff', PERFORMANCE, { code: 'water', period: NOVEMBER });
    expect(own.departmentPerformance.rank.rank).toBe(1);
    expect(await refused('waterStaff', PERFORMANCE, { code: 'transit', period: NOVEMBER })).toBe('FORBIDDEN');
    expect(await refused('waterStaff', SUMMARY, { period: NOVEMBER })).toBe('FORBIDDEN');
    const ranking = await data('transitStaff', RANKING, { period: NOVEMBER, metric: 'ON_TIME_RATE' });
    expect(ranking.departmentRanking.entries).toEqual([expect.objectContaining({ departmentCode: 'transit', rank: 3 })]);
  });

  it('gives the press seat the rankings only', async () => {
    const ranking = await data('observer', RANKING, { period: NOVEMBER, metric: 'SATISFACTION_RATE' });
    expect(ranking.departmentRanking.entries).toHaveLength(DEPARTMENTS.length);
    expect(await refused('observer', PERFORMANCE, { code: 'water', period: NOVEMBER })).toBe('FORBIDDEN');
    expect(await refused('observer', SUMMARY, { period: NOVEMBER })).toBe('FORBIDDEN');
    expect(await refused('citizen', RANKING, { period: NOVEMBER, metric: 'RECEIVED' })).toBe('FORBIDDEN');
  });
});

describe('the rollups against their sources', () => {
  it('are made again, row for row, by a rebuild from the feed', async () => {
    const incremental = await oversightRows(stack);
    const before = (await data('operator', SUMMARY, { period: NOVEMBER })).oversightSummary.figures;
    const report = await rebuildFromStack(stack);
    expect(report.skipped).toBe(0);
    expect(report.tickets).toBe(plan.length);
    expect(await oversightRows(stack)).toEqual(incremental);
    expect((await data('operator', SUMMARY, { period: NOVEMBER })).oversightSummary.figures).toEqual(before);
  });

  it("equal what intake's own tables say", async () => {
    const intake = stack.subgraphs.intake.data.dataSource;
    const now = new Date();
    const assignments: Array<{ departmentCode: string; ticketId: string; status: string; deadline: Date; reportedAt: Date | null; extensionsGranted: number; urgeCount: number }> =
      await intake.query('SELECT departmentCode, ticketId, status, deadline, reportedAt, extensionsGranted, urgeCount FROM assignment');
    const active = ['PENDING', 'ACCEPTED', 'IN_PROGRESS', 'EXTENSION_REQUESTED'];
    for (const code of DEPARTMENTS) {
      const mine = assignments.filter((a) => a.departmentCode === code);
      const raw: Partial<Record<Figure, number>> = {
        received: new Set(mine.map((a) => a.ticketId)).size,
        dispatched: mine.length,
        returned: mine.filter((a) => a.status === 'RETURNED').length,
        resultReported: mine.filter((a) => a.reportedAt).length,
        onTime: mine.filter((a) => a.reportedAt && new Date(a.reportedAt) <= new Date(a.deadline)).length,
        overdue: mine.filter((a) => (a.reportedAt ? new Date(a.reportedAt) > new Date(a.deadline) : active.includes(a.status) && new Date(a.deadline) < now)).length,
        extended: mine.reduce((sum, a) => sum + Number(a.extensionsGranted), 0),
        urged: mine.filter((a) => Number(a.urgeCount) > 0).length,
      };
      const { departmentPerformance } = await data('operator', PERFORMANCE, { code, period: NOVEMBER });
      expect(departmentPerformance.figures).toMatchObject(raw);
    }
    const tickets: Array<{ status: string }> = await intake.query('SELECT status FROM ticket');
    const callbacks: Array<{ result: string }> = await intake.query('SELECT result FROM callback');
    const ratings: Array<{ rating: string }> = await intake.query('SELECT rating FROM ticket_rating');
    const verdicts = (answer: string) => callbacks.filter((c) => c.result === answer).length + ratings.filter((r) => r.rating === answer).length;
    const { oversightSummary } = await data('operator', SUMMARY, { period: NOVEMBER });
    expect(oversightSummary.figures).toMatchObject({
      received: tickets.length,
      directlyAnswered: tickets.filter((t) => t.status === 'ANSWERED').length,
      closed: tickets.filter((t) => t.status === 'CLOSED').length,
      satisfied: verdicts('SATISFIED'),
      basicallySatisfied: verdicts('BASICALLY_SATISFIED'),
      notSatisfied: verdicts('NOT_SATISFIED'),
      unreachable: verdicts('UNREACHABLE'),
    });
  });
});
