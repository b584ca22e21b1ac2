import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A department of the catalogue, added or changed (a new department joins without a code change)' })
export class DepartmentInput {
  @Field(() => String)
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'code must be 2 to 40 lower-case letters, digits or _' })
  code: string;

  @Field(() => String)
  @Length(1, 100, { message: 'nameZh must be 1 to 100 characters' })
  nameZh: string;

  @Field(() => String)
  @Length(1, 100, { message: 'nameEn must be 1 to 100 characters' })
  nameEn: string;

  @Field(() => Boolean, { description: 'True: it runs its own subgraph; false: the centre handles its work orders' })
  federated: boolean;

  @Field(() => String, { nullable: true, description: 'Its subgraph name; required when federated' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'subgraph must be 2 to 40 lower-case letters, digits or _' })
  subgraph?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'contact must be 1 to 200 characters' })
  contact?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,40}$/, { message: 'district must be 1 to 40 lower-case letters, digits, _ or -' })
  district?: string | null;
}

@InputType()
export class RetireDepartmentInput {
  @Field(() => String)
  code: string;
}
