import { Field, ObjectType } from 'type-graphql';
import type { ResolvedPeriod } from '../period/resolve-period';
import type { OversightFilter } from './oversight-filter.input';
import { OversightSummary } from './oversight-summary.type';

@ObjectType({ description: "One department's figures over a period, against the previous period, and its place in a ranking" })
export class DepartmentPerformance extends OversightSummary {
  @Field(() => String)
  departmentCode: string;

  /** What `rank` ranks over: the same period and filter. */
  resolved: ResolvedPeriod;
  filter: OversightFilter | null;
}
