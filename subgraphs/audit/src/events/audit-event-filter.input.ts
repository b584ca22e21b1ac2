import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Narrows the audit events; all given conditions must hold' })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'Who acted' })
  @IsOptional()
  @Length(1, 100)
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'The subgraph that recorded the event' })
  @IsOptional()
  @Length(1, 40)
  subgraph?: string | null;

  @Field(() => String, { nullable: true, description: "The department concerned (the event's departmentCode, else its subgraph)" })
  @IsOptional()
  @Length(1, 40)
  department?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. assignment.return' })
  @IsOptional()
  @Length(1, 60)
  action?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 36)
  ticketId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Occurred at or after this instant' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Occurred before this instant' })
  to?: Date | null;
}
