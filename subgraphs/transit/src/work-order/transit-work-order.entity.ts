import { ObjectType } from 'type-graphql';
import { Entity } from 'typeorm';
import { WorkOrderBase } from '../../../../schema/work-order/work-order.base';

@Entity('work_order')
@ObjectType({ description: 'A job of the bus company for a 12345 ticket: a stop to repair, a driver to talk to' })
export class TransitWorkOrder extends WorkOrderBase {}
