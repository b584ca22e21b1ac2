import { IsOptional, Matches, MaxLength, registerDecorator, type ValidationArguments } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

/** A validity window must close after it opens, or the article would never be in force. */
function IsAfter(property: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAfter',
      target: target.constructor,
      propertyName,
      constraints: [property],
      options: { message: `${propertyName} must be after ${property}` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[property];
          return !(value instanceof Date && other instanceof Date) || value.getTime() > other.getTime();
        },
      },
    });
}

@InputType({ description: 'A knowledge-base article, new (no id) or revised (with its id)' })
export class KnowledgeArticleInput {
  @Field(() => ID, { nullable: true, description: 'Leave out to add an article; give it to revise one' })
  @IsOptional()
  id?: string | null;

  @Field(() => String)
  @Matches(/\S/, { message: 'titleZh must not be empty' })
  @MaxLength(200, { message: 'titleZh must be at most 200 characters' })
  titleZh: string;

  @Field(() => String)
  @Matches(/\S/, { message: 'titleEn must not be empty' })
  @MaxLength(200, { message: 'titleEn must be at most 200 characters' })
  titleEn: string;

  /** 10,000 characters fit a MySQL TEXT column (64 KB) even at four bytes a character. */
  @Field(() => String)
  @Matches(/\S/, { message: 'bodyZh must not be empty' })
  @MaxLength(10000, { message: 'bodyZh must be at most 10000 characters' })
  bodyZh: string;

  @Field(() => String)
  @Matches(/\S/, { message: 'bodyEn must not be empty' })
  @MaxLength(10000, { message: 'bodyEn must be at most 10000 characters' })
  bodyEn: string;

  @Field(() => String, { nullable: true, description: 'Category code from `categories`' })
  @IsOptional()
  categoryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Department code from `departments`' })
  @IsOptional()
  departmentCode?: string | null;

  @Field(() => Date, { description: 'When the policy takes effect (生效日期)' })
  validFrom: Date;

  @Field(() => Date, { nullable: true, description: 'When it stops applying; leave out while in force' })
  @IsOptional()
  @IsAfter('validFrom')
  validTo?: Date | null;
}
