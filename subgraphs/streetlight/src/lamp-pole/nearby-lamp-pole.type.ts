import { Field, Int, ObjectType } from 'type-graphql';
import { LampPole } from './lamp-pole.entity';

@ObjectType({ description: 'A lamp pole and how far it stands from the place asked about' })
export class NearbyLampPole {
  @Field(() => LampPole)
  pole: LampPole;

  @Field(() => Int, { description: 'Straight-line distance, rounded to the metre' })
  distanceMeters: number;
}
