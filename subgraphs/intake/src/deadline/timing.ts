import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** A deadline this close counts as "due soon": the supervisors' early warning. */
export const DUE_SOON_MS = 24 * 3600 * 1000;

/** The supervisors' traffic light: 黄灯 due within 24 hours, 红灯 overdue. */
export enum DeadlineLight {
  GREEN = 'GREEN',
  YELLOW = 'YELLOW',
  RED = 'RED',
}
registerEnumType(DeadlineLight, {
  name: 'DeadlineLight',
  valuesConfig: { GREEN: { description: 'on time' }, YELLOW: { description: '黄灯: due within 24 hours' }, RED: { description: '红灯: overdue' } },
});

export function lightOf(deadline: Date, now = Date.now()): DeadlineLight {
  const remaining = deadline.getTime() - now;
  return remaining < 0 ? DeadlineLight.RED : remaining <= DUE_SOON_MS ? DeadlineLight.YELLOW : DeadlineLight.GREEN;
}

@ObjectType({ description: 'Where something stands against its deadline' })
export class Timing {
  @Field(() => DeadlineLight, { nullable: true, description: 'GREEN, YELLOW (due within 24 h) or RED (overdue); null when done or undated' })
  light: DeadlineLight | null;

  @Field(() => Date, { nullable: true })
  deadline: Date | null;

  @Field(() => Boolean, { description: 'Past the deadline and not yet done' })
  overdue: boolean;

  @Field(() => Boolean, { description: 'Not yet overdue, but due within 24 hours' })
  dueSoon: boolean;

  @Field(() => Int, { nullable: true, description: 'Seconds until the deadline; negative once overdue; null when done or undated' })
  secondsRemaining: number | null;
}

export function timingOf(deadline: Date | null, running: boolean, now = Date.now()): Timing {
  if (!deadline || !running) return { deadline, light: null, overdue: false, dueSoon: false, secondsRemaining: null };
  const remaining = deadline.getTime() - now;
  return { deadline, light: lightOf(deadline, now), overdue: remaining < 0, dueSoon: remaining >= 0 && remaining <= DUE_SOON_MS, secondsRemaining: Math.round(remaining / 1000) };
}
