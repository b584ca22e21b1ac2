import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { isPoint } from '../../../../schema/geo/geo';
import type { TransitContext } from '../context';
import { BusRoute } from '../route/bus-route.entity';
import { TransitWorkOrder } from '../work-order/transit-work-order.entity';
import { routeMentions } from './route-mentions';
import { Ticket } from './ticket.type';
import { NearbyBusStop, TransitTicketInfo } from './transit-ticket-info.type';

@Resolver(() => Ticket)
export class TicketTransitResolver {
  @FieldResolver(() => TransitTicketInfo, { nullable: true, description: 'Bus routes named, stops nearby and work orders (市公交公司)' })
  @Directive('@requires(fields: "latitude longitude content")')
  transit(@Root() ticket: Ticket): TransitTicketInfo {
    const point = isPoint(ticket) ? { latitude: ticket.latitude, longitude: ticket.longitude } : null;
    return { ticketId: ticket.id, point, content: ticket.content ?? '', located: point !== null };
  }
}

@Resolver(() => TransitTicketInfo)
export class TransitTicketInfoResolver {
  @FieldResolver(() => [BusRoute], { description: "Routes the ticket's text names (12路, K1, Route 12), in the order named" })
  async mentionedRoutes(@Root() info: TransitTicketInfo, @Ctx() context: TransitContext): Promise<BusRoute[]> {
    const routes = await context.loaders.routeByCode.loadMany(routeMentions(info.content));
    // a code that is no route of ours (a typo, another city's line) is simply not mentioned
    return routes.filter((route): route is BusRoute => route !== null && !(route instanceof Error));
  }

  @FieldResolver(() => [NearbyBusStop], { description: 'Stops within 300 m of the ticket, nearest first, at most 5' })
  async nearbyStops(@Root() info: TransitTicketInfo, @Ctx() context: TransitContext): Promise<NearbyBusStop[]> {
    if (!info.point) return [];
    const nearby = await context.loaders.nearbyStops.load(info.point);
    return nearby.map(({ item, distanceMeters }) => ({ stop: item, distanceMeters }));
  }

  @FieldResolver(() => [TransitWorkOrder], { description: 'Work orders the bus company opened for this ticket' })
  workOrders(@Root() info: TransitTicketInfo, @Ctx() context: TransitContext): Promise<TransitWorkOrder[]> {
    return context.loaders.workOrdersByTicket.load(info.ticketId);
  }
}
