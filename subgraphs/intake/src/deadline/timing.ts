import { Field, Int, ObjectType } from 'type-graphql';

/** A deadline this close counts as "due soon": the supervisors' early warning. */
export const DUE_SOON_MS = 24 * 3600 * 1000;

@ObjectType({ description: 'Where something stands against its deadline' })
export class Timing {
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
  if (!deadline || !running) return { deadline, overdue: false, dueSoon: false, secondsRemaining: null };
  const remaining = deadline.getTime() - now;
  return { deadline, overdue: remaining < 0, dueSoon: remaining >= 0 && remaining <= DUE_SOON_MS, secondsRemaining: Math.round(remaining / 1000) };
}
