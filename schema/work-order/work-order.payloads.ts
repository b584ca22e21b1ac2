import { Field, ObjectType } from 'type-graphql';
import type { WorkOrderBase } from './work-order.base';

export interface WorkOrderPayload<T extends WorkOrderBase> {
  workOrder: T;
}

/** `CreateWaterWorkOrderPayload` and its siblings: each holds the work order as the mutation left it. */
export function workOrderPayloads<T extends WorkOrderBase>(typePrefix: string, entity: new () => T) {
  const payload = (verb: string) => {
    @ObjectType(`${verb}${typePrefix}WorkOrderPayload`)
    class Payload implements WorkOrderPayload<T> {
      @Field(() => entity)
      workOrder: T;
    }
    return Payload;
  };
  return { CreatePayload: payload('Create'), UpdatePayload: payload('Update'), CompletePayload: payload('Complete') };
}
