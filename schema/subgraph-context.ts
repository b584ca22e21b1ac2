import type { DataSource } from 'typeorm';
import type { RequestContext } from './request-context';

/** The part of a subgraph's per-request context that shared resolvers rely on. */
export interface SubgraphContext extends RequestContext {
  dataSource: DataSource;
}
