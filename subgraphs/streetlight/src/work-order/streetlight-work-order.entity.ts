import { ObjectType } from 'type-graphql';
import { Entity } from 'typeorm';
import { WorkOrderBase } from '../../../../schema/work-order/work-order.base';

@Entity('work_order')
@ObjectType({ description: 'A repair job of the streetlight administration for a 12345 ticket' })
export class StreetlightWorkOrder extends WorkOrderBase {}
