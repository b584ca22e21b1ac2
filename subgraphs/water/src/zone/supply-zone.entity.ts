import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An area fed by the same mains (供水片区); an outage affects a whole zone. */
@Entity('supply_zone')
@ObjectType({ description: 'A water supply zone (供水片区)' })
export class SupplyZone {
  @Field(() => String)
  @PrimaryColumn('varchar', { length: 40 })
  code: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  nameZh: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  nameEn: string;

  /** Outer ring as [longitude, latitude] pairs (GeoJSON order). */
  @Column('simple-json')
  polygon: [number, number][];

  // The bounding box lets SQL pre-filter before the exact point-in-polygon test.
  @Column('double') minLatitude: number;
  @Column('double') maxLatitude: number;
  @Column('double') minLongitude: number;
  @Column('double') maxLongitude: number;
}
