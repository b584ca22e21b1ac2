import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { Channel } from '../../../../schema/enums';
import { HasVisibleText } from './visible-text';

/** Mainland mobile numbers (11 digits from 13x to 19x) and landlines with area code (0550-1234567). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

@InputType({ description: 'What the operator records when a citizen calls, writes or messages' })
export class CreateTicketInput {
  @Field(() => Channel)
  channel: Channel;

  @Field(() => String)
  // zero-width characters are not \s: content of nothing but U+200B was accepted
  @HasVisibleText({ message: 'content must not be empty' })
  @Length(1, 4000, { message: 'content must be at most 4000 characters' })
  content: string;

  @Field(() => String, { description: 'Category code from `categories`' })
  @Length(1, 40, { message: 'categoryCode must be 1 to 40 characters' })
  categoryCode: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50, { message: 'citizenName must be 1 to 50 characters' })
  citizenName?: string | null;

  @Field(() => String, { nullable: true, description: 'Mobile (13800138000) or landline (0550-1234567)' })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'citizenPhone must be a mainland mobile number or a landline with area code' })
  citizenPhone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'address must be 1 to 200 characters' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'District code (区/县), e.g. langya; figures are filtered by it' })
  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,40}$/, { message: 'district must be 1 to 40 lower-case letters, digits, _ or -' })
  district?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-90, { message: 'latitude must be between -90 and 90' })
  @Max(90, { message: 'latitude must be between -90 and 90' })
  latitude?: number | null;

  @Field(() => String, { nullable: true, description: 'Any unique string per submission (a UUID): a retry with the same key returns the same ticket' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{8,100}$/, { message: 'idempotencyKey must be 8 to 100 letters, digits or . _ : -' })
  idempotencyKey?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-180, { message: 'longitude must be between -180 and 180' })
  @Max(180, { message: 'longitude must be between -180 and 180' })
  longitude?: number | null;
}
