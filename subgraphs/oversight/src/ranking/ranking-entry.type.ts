import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Department } from '../department/department.type';
import { Rate } from '../figures/rate.type';

@ObjectType({ description: "A department's place in a ranking, and how it moved since the previous period" })
export class RankingEntry {
  @Field(() => Int, { nullable: true, description: '1 is first; departments with the same value share a rank (1, 2, 2, 4); null when it has no value' })
  rank: number | null;

  @Field(() => String)
  departmentCode: string;

  @Field(() => Department, { description: "The department itself (its names come from intake's catalogue)" })
  department: Department;

  @Field(() => Float, { nullable: true, description: "The metric's value (a rate's value between 0 and 1)" })
  value: number | null;

  @Field(() => Rate, { nullable: true, description: 'For a rate metric: its numerator and denominator' })
  rate: Rate | null;

  @Field(() => Int, { nullable: true, description: 'The rank in the previous period of the same length' })
  previousRank: number | null;

  @Field(() => Float, { nullable: true })
  previousValue: number | null;

  @Field(() => Float, { nullable: true, description: 'value − previousValue; null when either is missing' })
  change: number | null;
}
