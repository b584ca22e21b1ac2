import { ObjectType } from 'type-graphql';
import { Entity } from 'typeorm';
import { WorkOrderBase } from '../../../../schema/work-order/work-order.base';

@Entity('work_order')
@ObjectType({ description: 'A repair or inspection job of the water company for a 12345 ticket' })
export class WaterWorkOrder extends WorkOrderBase {}
