import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Send a ticket to one or several departments (转办); the first is the lead (主办)' })
export class DispatchTicketInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'ticketId must be a ticket id' })
  ticketId: string;

  @Field(() => [String])
  @ArrayMinSize(1, { message: 'departmentCodes must name at least one department' })
  @ArrayMaxSize(10, { message: 'departmentCodes may name at most 10 departments' })
  departmentCodes: string[];

  @Field(() => Int, { nullable: true, description: 'The ticket version the operator saw; a different stored version is a CONFLICT' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Instructions to the departments' })
  @IsOptional()
  @Length(1, 2000, { message: 'note must be 1 to 2000 characters' })
  note?: string | null;
}
