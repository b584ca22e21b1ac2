import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Channel, TicketStatus } from '../../../../schema/enums';

@InputType({ description: 'Narrows the ticket list; all given conditions must hold' })
export class TicketFilter {
  @Field(() => [TicketStatus], { nullable: true })
  status?: TicketStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Tickets assigned to this department' })
  @IsOptional()
  @Length(1, 40)
  departmentCode?: string | null;

  @Field(() => [Channel], { nullable: true })
  channel?: Channel[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40)
  categoryCode?: string | null;

  @Field(() => Date, { nullable: true, description: 'Created at or after this instant' })
  createdFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Created before this instant' })
  createdTo?: Date | null;
}
