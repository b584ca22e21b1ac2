import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A bus line as riders name it (`12路`, `K1`); what a caller complains about when a bus is late or skips a stop. */
@Entity('bus_route')
@ObjectType({ description: 'A bus route (公交线路)' })
export class BusRoute {
  @Field(() => String, { description: 'As painted on the bus: `1`, `12`, `K1`' })
  @PrimaryColumn('varchar', { length: 20 })
  code: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  nameZh: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  nameEn: string;

  @Field(() => String, { description: 'First departure from the terminus, local time `HH:mm`' })
  @Column('varchar', { length: 5 })
  firstDeparture: string;

  @Field(() => String, { description: 'Last departure from the terminus, local time `HH:mm`' })
  @Column('varchar', { length: 5 })
  lastDeparture: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  operator: string;
}
