import { Field, ObjectType } from 'type-graphql';
import { OversightPeriod } from '../period/oversight-period.type';
import type { ResolvedPeriod } from '../period/resolve-period';
import type { OversightFilter } from './oversight-filter.input';
import { OversightFigures } from './oversight-figures.type';

@ObjectType({ description: "One department's figures over a period, against the previous period, and its place in a ranking" })
export class DepartmentPerformance {
  @Field(() => String)
  departmentCode: string;

  @Field(() => OversightPeriod)
  period: OversightPeriod;

  @Field(() => OversightFigures)
  figures: OversightFigures;

  @Field(() => OversightFigures, { description: 'The same figures for the previous period' })
  previous: OversightFigures;

  /** What `rank` ranks over: the same period and filter. */
  resolved: ResolvedPeriod;
  filter: OversightFilter | null;
}
