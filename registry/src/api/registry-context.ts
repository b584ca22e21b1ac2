import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../../schema/request-context';
import type { RegistryOptions } from '../publish/publish-subgraph';

/** `actor` is the bearer token's identity (anonymous without one); RoleChecker reads it as in the subgraphs. */
export interface RegistryContext extends RequestContext {
  dataSource: DataSource;
  options: RegistryOptions;
}
