import { intakeAssignmentLookup } from '../../../../schema/intake-client/assignment-lookup';
import { createWorkOrderResolver } from '../../../../schema/work-order/work-order.resolver';
import type { TransitConfig } from '../config';
import { BusRoute } from '../route/bus-route.entity';
import { BusStop } from '../stop/bus-stop.entity';
import { TransitWorkOrder } from './transit-work-order.entity';

export function transitWorkOrderResolver(config: TransitConfig) {
  return createWorkOrderResolver({
    subgraph: 'transit',
    department: 'transit',
    typePrefix: 'Transit',
    entity: TransitWorkOrder,
    findAssignment: intakeAssignmentLookup(config, 'transit'),
    // a work order concerns a stop (a broken shelter) or a whole route (a driver, a timetable)
    assetExists: async (manager, code) => (await manager.existsBy(BusStop, { code })) || manager.existsBy(BusRoute, { code }),
  });
}
