import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../../schema/request-context';
import type { SubgraphContext } from '../../../schema/subgraph-context';
import type { OversightConfig } from './config';

export interface OversightContext extends SubgraphContext {
  config: OversightConfig;
}

/** No loaders: every figure is a handful of aggregate queries, asked once per field. */
export function createOversightContext(base: RequestContext, dataSource: DataSource, config: OversightConfig): OversightContext {
  return { ...base, dataSource, config };
}
