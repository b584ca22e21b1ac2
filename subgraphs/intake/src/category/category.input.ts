import { IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

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

  // the caps catch a typing slip (500 for 5) before it sets an unreachable deadline
  @Field(() => Int, { nullable: true, description: 'Time limit in working days; none means the centre default' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'timeLimitWorkingDays must be positive' })
  @Max(60, { message: 'timeLimitWorkingDays must be at most 60' })
  timeLimitWorkingDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Time limit in clock hours, for urgent matters; wins over working days' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'timeLimitHours must be positive' })
  @Max(720, { message: 'timeLimitHours must be at most 720 (30 days)' })
  timeLimitHours?: number | null;
}
