import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { isPoint } from '../../../../schema/geo/geo';
import type { WaterContext } from '../context';
import { Outage } from '../outage/outage.entity';
import { WaterWorkOrder } from '../work-order/water-work-order.entity';
import { SupplyZone } from '../zone/supply-zone.entity';
import { Ticket } from './ticket.type';
import { WaterTicketInfo } from './water-ticket-info.type';

@Resolver(() => Ticket)
export class TicketWaterResolver {
  @FieldResolver(() => WaterTicketInfo, { nullable: true, description: 'Water supply zone, outages and work orders (市自来水公司)' })
  @Directive('@requires(fields: "latitude longitude")')
  water(@Root() ticket: Ticket): WaterTicketInfo {
    const point = isPoint(ticket) ? { latitude: ticket.latitude, longitude: ticket.longitude } : null;
    return { ticketId: ticket.id, point, located: point !== null };
  }
}

@Resolver(() => WaterTicketInfo)
export class WaterTicketInfoResolver {
  @FieldResolver(() => SupplyZone, { nullable: true, description: 'The supply zone the ticket lies in' })
  zone(@Root() info: WaterTicketInfo, @Ctx() context: WaterContext): Promise<SupplyZone | null> | null {
    return info.point ? context.loaders.zoneByPoint.load(info.point) : null;
  }

  @FieldResolver(() => [Outage], { description: "Outages under way or due within 48 hours in the ticket's zone" })
  async outages(@Root() info: WaterTicketInfo, @Ctx() context: WaterContext): Promise<Outage[]> {
    const zone = info.point ? await context.loaders.zoneByPoint.load(info.point) : null;
    return zone ? context.loaders.currentOutagesByZone.load(zone.code) : [];
  }

  @FieldResolver(() => [WaterWorkOrder], { description: 'Work orders the water company opened for this ticket' })
  workOrders(@Root() info: WaterTicketInfo, @Ctx() context: WaterContext): Promise<WaterWorkOrder[]> {
    return context.loaders.workOrdersByTicket.load(info.ticketId);
  }
}
