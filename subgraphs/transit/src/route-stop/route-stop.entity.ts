import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BusRoute } from '../route/bus-route.entity';
import { BusStop } from '../stop/bus-stop.entity';

/**
 * The n-th stop of a route. Keyed by (route, sequence), not (route, stop),
 * because a loop route may call at the same stop twice.
 */
@Entity('route_stop')
@Index(['stopCode'])
export class RouteStop {
  @PrimaryColumn('varchar', { length: 20 })
  routeCode: string;

  @PrimaryColumn('int')
  sequence: number;

  @Column('varchar', { length: 20 })
  stopCode: string;

  @ManyToOne(() => BusRoute)
  @JoinColumn({ name: 'routeCode' })
  route?: BusRoute;

  @ManyToOne(() => BusStop)
  @JoinColumn({ name: 'stopCode' })
  stop?: BusStop;
}
