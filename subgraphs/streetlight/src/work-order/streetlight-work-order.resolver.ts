import { intakeAssignmentLookup } from '../../../../schema/intake-client/assignment-lookup';
import { createWorkOrderResolver } from '../../../../schema/work-order/work-order.resolver';
import type { StreetlightConfig } from '../config';
import { LampPole } from '../lamp-pole/lamp-pole.entity';
import { StreetlightWorkOrder } from './streetlight-work-order.entity';

export function streetlightWorkOrderResolver(config: StreetlightConfig) {
  return createWorkOrderResolver({
    subgraph: 'streetlight',
    department: 'streetlight',
    typePrefix: 'Streetlight',
    entity: StreetlightWorkOrder,
    findAssignment: intakeAssignmentLookup(config, 'streetlight'),
    assetExists: (manager, code) => manager.existsBy(LampPole, { code }),
  });
}
