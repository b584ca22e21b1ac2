import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A category of the catalogue, added or renamed' })
export class CategoryInput {
  @Field(() => String)
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'code must be 2 to 40 lower-case letters, digits or _' })
  code: string;

  @Field(() => String)
  @Length(1, 100, { message: 'nameZh must be 1 to 100 characters' })
  nameZh: string;

  @Field(() => String)
  @Length(1, 100, { message: 'nameEn must be 1 to 100 characters' })
  nameEn: string;

  @Field(() => String, { nullable: true, description: 'Department that usually handles it' })
  @IsOptional()
  departmentCode?: string | null;
}
