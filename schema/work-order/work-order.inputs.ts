import { IsIn, IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { WorkOrderStatus } from '../enums';

export interface CreateWorkOrderFields {
  ticketId: string;
  description: string;
  assetCode?: string | null;
  crew?: string | null;
}

export interface UpdateWorkOrderFields {
  id: string;
  description?: string | null;
  assetCode?: string | null;
  crew?: string | null;
  status?: WorkOrderStatus | null;
}

export interface CompleteWorkOrderFields {
  id: string;
  result: string;
}

/**
 * Input types are named per department (`WaterCreateWorkOrderInput`…):
 * composition intersects same-named input types across subgraphs, so a shared
 * name would silently drop a field one department adds later.
 */
export function workOrderInputs(typePrefix: string) {
  @InputType(`${typePrefix}CreateWorkOrderInput`)
  class CreateWorkOrderInput implements CreateWorkOrderFields {
    @Field(() => ID)
    @IsUUID('all', { message: 'ticketId must be a ticket id' })
    ticketId: string;

    @Field(() => String)
    @Length(1, 2000, { message: 'description must be 1 to 2000 characters' })
    description: string;

    @Field(() => String, { nullable: true })
    @IsOptional()
    @Length(1, 40)
    assetCode?: string | null;

    @Field(() => String, { nullable: true })
    @IsOptional()
    @Length(1, 100)
    crew?: string | null;
  }

  @InputType(`${typePrefix}UpdateWorkOrderInput`)
  class UpdateWorkOrderInput implements UpdateWorkOrderFields {
    @Field(() => ID)
    id: string;

    @Field(() => String, { nullable: true })
    @IsOptional()
    @Length(1, 2000)
    description?: string | null;

    @Field(() => String, { nullable: true })
    @IsOptional()
    @Length(1, 40)
    assetCode?: string | null;

    @Field(() => String, { nullable: true })
    @IsOptional()
    @Length(1, 100)
    crew?: string | null;

    @Field(() => WorkOrderStatus, { nullable: true, description: 'Only OPEN → IN_PROGRESS here; completion has its own mutation' })
    @IsOptional()
    @IsIn([WorkOrderStatus.IN_PROGRESS])
    status?: WorkOrderStatus | null;
  }

  @InputType(`${typePrefix}CompleteWorkOrderInput`)
  class CompleteWorkOrderInput implements CompleteWorkOrderFields {
    @Field(() => ID)
    id: string;

    @Field(() => String)
    result: string;
  }

  return { CreateWorkOrderInput, UpdateWorkOrderInput, CompleteWorkOrderInput };
}
