import { Field, ObjectType } from 'type-graphql';
import { PeriodKind } from './period.input';
import type { ResolvedPeriod } from './resolve-period';

@ObjectType({ description: 'The local days figures cover, and the days of the previous period they are held against' })
export class OversightPeriod {
  @Field(() => PeriodKind)
  kind: PeriodKind;

  @Field(() => String, { description: 'First local day, YYYY-MM-DD' })
  from: string;

  @Field(() => String, { description: 'Last local day, YYYY-MM-DD' })
  to: string;

  @Field(() => String)
  previousFrom: string;

  @Field(() => String)
  previousTo: string;
}

export const toOversightPeriod = (period: ResolvedPeriod): OversightPeriod => ({
  kind: period.kind,
  from: period.current.from,
  to: period.current.to,
  previousFrom: period.previous.from,
  previousTo: period.previous.to,
});
