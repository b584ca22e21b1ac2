import { createWorkOrderResolver } from '../../../../schema/work-order/work-order.resolver';
import type { WaterConfig } from '../config';
import { SupplyZone } from '../zone/supply-zone.entity';
import { WaterWorkOrder } from './water-work-order.entity';
import { intakeAssignmentLookup } from '../../../../schema/intake-client/assignment-lookup';

export function waterWorkOrderResolver(config: WaterConfig) {
  return createWorkOrderResolver({
    subgraph: 'water',
    department: 'water',
    typePrefix: 'Water',
    entity: WaterWorkOrder,
    findAssignment: intakeAssignmentLookup(config, 'water'),
    assetExists: (manager, code) => manager.existsBy(SupplyZone, { code }),
  });
}
