import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A share with what it is made of, so a reader can check it and add periods up' })
export class Rate {
  @Field(() => Int)
  numerator: number;

  @Field(() => Int)
  denominator: number;

  @Field(() => Float, { nullable: true, description: 'numerator ÷ denominator, between 0 and 1; null when the denominator is 0' })
  value: number | null;
}

export const rate = (numerator: number, denominator: number): Rate => ({ numerator, denominator, value: denominator > 0 ? numerator / denominator : null });
