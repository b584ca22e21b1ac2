import { ArrayMaxSize, ArrayMinSize, Matches } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { Channel } from '../../../../schema/enums';
import { CallbackResult } from '../callback/callback.entity';

/** The admin mutation takes small batches; whole archives go through `npm run import`. */
export const MAX_IMPORT_BATCH = 200;

@InputType({ description: "One request from an old hotline's history: only what the source recorded" })
export class HistoryRecordInput {
  @Field(() => String, { description: "The source system's own id: importing it again creates nothing" })
  sourceId: string;

  @Field(() => Channel)
  channel: Channel;

  @Field(() => String)
  categoryCode: string;

  @Field(() => String)
  content: string;

  @Field(() => String, { nullable: true })
  citizenName?: string | null;

  @Field(() => String, { nullable: true })
  citizenPhone?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
  district?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => Date)
  receivedAt: Date;

  @Field(() => Date, { nullable: true, description: '直接答复: answered on the spot, no department' })
  answeredAt?: Date | null;

  @Field(() => String, { nullable: true })
  answer?: string | null;

  @Field(() => String, { nullable: true })
  departmentCode?: string | null;

  @Field(() => Date, { nullable: true })
  dispatchedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: "Absent: the category's time limit from the dispatch, as a live dispatch sets it" })
  deadline?: Date | null;

  @Field(() => Date, { nullable: true })
  reportedAt?: Date | null;

  @Field(() => String, { nullable: true })
  result?: string | null;

  @Field(() => CallbackResult, { nullable: true })
  callbackResult?: CallbackResult | null;

  @Field(() => Date, { nullable: true })
  calledAt?: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt?: Date | null;
}

@InputType()
export class ImportHistoryInput {
  @Field(() => String, { description: 'Which old hotline the records come from (boston-311, water-hotline …)' })
  @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'sourceSystem must be 1 to 40 lower-case letters, digits, _ or -' })
  sourceSystem: string;

  @Field(() => [HistoryRecordInput])
  @ArrayMinSize(1, { message: 'records must hold at least one record' })
  @ArrayMaxSize(MAX_IMPORT_BATCH, { message: `records may hold at most ${MAX_IMPORT_BATCH} records; import an archive with npm run import` })
  records: HistoryRecordInput[];
}
