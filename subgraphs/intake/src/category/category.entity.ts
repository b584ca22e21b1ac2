import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a request is about; names the department that usually owns it. */
@Entity('category')
@ObjectType({ description: 'A request category of the 12345 catalogue' })
export class Category {
  @Field(() => String)
  @PrimaryColumn('varchar', { length: 40 })
  code: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  nameZh: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  nameEn: string;

  @Field(() => String, { nullable: true, description: 'Department that usually handles it' })
  @Column('varchar', { length: 40, nullable: true })
  departmentCode: string | null;
}
