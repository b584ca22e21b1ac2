import { Field, Float, Int, ObjectType } from 'type-graphql';
import { percentileHours } from '../rollup/handling-buckets';
import { rate, Rate } from './rate.type';
import type { UnitFigures } from './unit-figures';

/**
 * The figures of one department (or of the whole centre) over a period. Each
 * count is taken on the local day of the event that makes it, except on time
 * and overdue, which are taken on the day of the deadline in force.
 */
@ObjectType({ description: "A department's or the centre's figures over a period; each definition is in the field's description" })
export class OversightFigures {
  @Field(() => Int, { description: '受理: the centre: tickets created. A department: tickets dispatched to it, each ticket once' })
  received: number;

  @Field(() => Int, { description: '直接答复: tickets the operator answered on the spot (the centre only)' })
  directlyAnswered: number;

  @Field(() => Int, { description: '交办: dispatches, one per department a ticket was sent to, each time' })
  dispatched: number;

  @Field(() => Int, { description: '退单: dispatches that came back to the centre as not the department\'s own (returned, or an objection upheld)' })
  returned: number;

  @Field(() => Int, { description: '重新派单: dispatches of a ticket every department had returned' })
  redispatched: number;

  @Field(() => Int, { description: '延期: extensions a supervisor granted' })
  extended: number;

  @Field(() => Int, { description: '催办: dispatches the centre urged, each counted once, on the day of the first urge' })
  urged: number;

  @Field(() => Int, { description: '督办: tickets put under supervision or a leader\'s instruction, once per ticket, for the departments working on it then' })
  supervised: number;

  @Field(() => Int, { description: '办理反馈: results the departments reported' })
  resultReported: number;

  @Field(() => Int, { description: '办结: tickets closed (satisfied or basically satisfied callback, or closed with an explanation), for the departments whose round it closed' })
  closed: number;

  @Field(() => Int, { description: 'Results reported by the deadline in force (extensions and supervision counted), on the deadline\'s day' })
  onTime: number;

  @Field(() => Int, { description: 'Dispatches whose deadline in force passed before a result: reported late, or still open (overdueOpen), on the deadline\'s day' })
  overdue: number;

  @Field(() => Int, { description: 'The part of overdue still open now' })
  overdueOpen: number;

  @Field(() => Int, { description: '满意: callbacks and citizens\' own ratings answering satisfied' })
  satisfied: number;

  @Field(() => Int, { description: '基本满意: callbacks and ratings answering basically satisfied' })
  basicallySatisfied: number;

  @Field(() => Int, { description: '不满意: callbacks and ratings answering not satisfied' })
  notSatisfied: number;

  @Field(() => Int, { description: '无法联系: callbacks that could not reach the citizen' })
  unreachable: number;

  @Field(() => Int, { description: '重启: tickets reopened because the citizen was not satisfied with the result' })
  reopened: number;

  @Field(() => Int, {
    description:
      "重复诉求: requests merged into another ticket about the same problem (并单), on the day they were received; they leave received, so a problem counts once (received + repeated = every request), and a repeat's own callbacks and ratings are not counted (its primary's are). An undone merge counts back",
  })
  repeated: number;

  @Field(() => Int, { description: 'Reported results with a handling time (from dispatch to the report)' })
  handled: number;

  @Field(() => Float, { nullable: true, description: 'Mean handling time in working hours: only working days count, 24 hours each (weekends and holidays not)' })
  averageHandlingHours: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile (nearest rank) of the handling time in working hours, to its bucket: ¼ h up to 8 h, 1 h up to 120 h, 8 h up to 720 h ("720" = 720 or more)' })
  p90HandlingHours: number | null;

  @Field(() => Rate, { description: '直接答复率: directlyAnswered / received' })
  directAnswerRate: Rate;

  @Field(() => Rate, { description: '办结率: (closed + directlyAnswered) / received' })
  completionRate: Rate;

  @Field(() => Rate, { description: '退单率: returned / dispatched' })
  returnRate: Rate;

  @Field(() => Rate, { description: 'extended / dispatched' })
  extensionRate: Rate;

  @Field(() => Rate, { description: '按时办结率: onTime / (onTime + overdue)' })
  onTimeRate: Rate;

  @Field(() => Rate, { description: '满意率: (satisfied + basicallySatisfied) / (satisfied + basicallySatisfied + notSatisfied); unreachable is left out' })
  satisfactionRate: Rate;
}

export function toOversightFigures(unit: UnitFigures): OversightFigures {
  const c = unit.counts;
  const overdue = c.overdue + unit.overdueOpen;
  const judged = c.satisfied + c.basicallySatisfied + c.notSatisfied;
  return {
    ...c,
    overdue,
    overdueOpen: unit.overdueOpen,
    averageHandlingHours: c.handled > 0 ? unit.handlingMs / c.handled / 3_600_000 : null,
    p90HandlingHours: percentileHours(unit.histogram, 0.9),
    directAnswerRate: rate(c.directlyAnswered, c.received),
    completionRate: rate(c.closed + c.directlyAnswered, c.received),
    returnRate: rate(c.returned, c.dispatched),
    extensionRate: rate(c.extended, c.dispatched),
    onTimeRate: rate(c.onTime, c.onTime + overdue),
    satisfactionRate: rate(c.satisfied + c.basicallySatisfied, judged),
  };
}
