import { Field, ObjectType } from 'type-graphql';
import { OversightPeriod } from '../period/oversight-period.type';
import { RankingEntry } from './ranking-entry.type';
import { RankingDirection, RankingMetric } from './ranking-metric';

@ObjectType({ description: '季排名: departments ranked by one metric over a period' })
export class DepartmentRanking {
  @Field(() => OversightPeriod)
  period: OversightPeriod;

  @Field(() => RankingMetric)
  metric: RankingMetric;

  @Field(() => RankingDirection)
  direction: RankingDirection;

  @Field(() => [RankingEntry], { description: "Best first; a department's staff get their own department's entry alone" })
  entries: RankingEntry[];
}
