import { Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { isPoint } from '../../../../schema/geo/geo';
import type { StreetlightContext } from '../context';
import { LampPoleStatus } from '../lamp-pole/lamp-pole.entity';
import { NearbyLampPole } from '../lamp-pole/nearby-lamp-pole.type';
import { StreetlightWorkOrder } from '../work-order/streetlight-work-order.entity';
import { StreetlightTicketInfo } from './streetlight-ticket-info.type';
import { Ticket } from './ticket.type';

@Resolver(() => Ticket)
export class TicketStreetlightResolver {
  // nullable so that, should this subgraph fail, the gateway drops only this field and not the whole ticket
  @FieldResolver(() => StreetlightTicketInfo, { nullable: true, description: 'Lamp poles near the ticket and work orders (市路灯管理处)' })
  @Directive('@requires(fields: "latitude longitude")')
  streetlight(@Root() ticket: Ticket): StreetlightTicketInfo {
    const point = isPoint(ticket) ? { latitude: ticket.latitude, longitude: ticket.longitude } : null;
    return { ticketId: ticket.id, point, located: point !== null };
  }
}

@Resolver(() => StreetlightTicketInfo)
export class StreetlightTicketInfoResolver {
  @FieldResolver(() => [NearbyLampPole], { description: 'Poles within 200 m of the ticket, nearest first, at most 10' })
  async nearbyPoles(@Root() info: StreetlightTicketInfo, @Ctx() context: StreetlightContext): Promise<NearbyLampPole[]> {
    if (!info.point) return [];
    const nearby = await context.loaders.nearbyPoles.load(info.point);
    return nearby.map(({ item, distanceMeters }) => ({ pole: item, distanceMeters }));
  }

  @FieldResolver(() => Int, { description: 'How many of the nearby poles are not working' })
  async faultyPolesNearby(@Root() info: StreetlightTicketInfo, @Ctx() context: StreetlightContext): Promise<number> {
    if (!info.point) return 0;
    const nearby = await context.loaders.nearbyPoles.load(info.point);
    return nearby.filter(({ item }) => item.status !== LampPoleStatus.WORKING).length;
  }

  @FieldResolver(() => [StreetlightWorkOrder], { description: 'Work orders the streetlight administration opened for this ticket' })
  workOrders(@Root() info: StreetlightTicketInfo, @Ctx() context: StreetlightContext): Promise<StreetlightWorkOrder[]> {
    return context.loaders.workOrdersByTicket.load(info.ticketId);
  }
}
