import type { BusRoute } from './bus-route.entity';

// SQL would sort 1, 10, 101, 11, 2…; riders expect 1, 2 … 12, 101, K1.
const collator = new Intl.Collator('en', { numeric: true });

export function byRouteCode(a: Pick<BusRoute, 'code'>, b: Pick<BusRoute, 'code'>): number {
  return collator.compare(a.code, b.code);
}
