import { Field, ObjectType } from 'type-graphql';
import { OversightPeriod } from '../period/oversight-period.type';
import { OversightFigures } from './oversight-figures.type';

@ObjectType({ description: "The whole centre's figures over a period: each ticket counted once, however many departments it went to" })
export class OversightSummary {
  @Field(() => OversightPeriod)
  period: OversightPeriod;

  @Field(() => OversightFigures)
  figures: OversightFigures;

  @Field(() => OversightFigures, { description: 'The same figures for the previous period' })
  previous: OversightFigures;
}
