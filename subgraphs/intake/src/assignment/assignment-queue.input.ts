import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { AssignmentStatus } from '../../../../schema/enums';

@InputType({ description: "A department's queue, or what is overdue or at risk across departments" })
export class AssignmentQueueFilter {
  @Field(() => String, { nullable: true, description: 'Department staff always see their own department' })
  @IsOptional()
  @Length(1, 40)
  departmentCode?: string | null;

  @Field(() => [AssignmentStatus], { nullable: true, description: 'Default: the ones still being worked on' })
  status?: AssignmentStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only those past their deadline' })
  overdueOnly?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Only those due within this many hours (overdue ones included)' })
  @IsOptional()
  @Min(1)
  @Max(24 * 30)
  dueWithinHours?: number | null;
}
