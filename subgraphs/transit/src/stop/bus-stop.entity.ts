import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A place where buses stop; several routes share one where they cross. */
@Entity('bus_stop')
@Index(['latitude', 'longitude'])
@ObjectType({ description: 'A bus stop (公交站点)' })
export class BusStop {
  @Field(() => String, { description: 'e.g. `ST-0042`' })
  @PrimaryColumn('varchar', { length: 20 })
  code: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  nameZh: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  nameEn: string;

  @Field(() => Float)
  @Column('double')
  latitude: number;

  @Field(() => Float)
  @Column('double')
  longitude: number;
}
