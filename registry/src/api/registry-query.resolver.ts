import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { RegistryEvent } from '../events/registry-event.entity';
import { RegisteredSubgraph } from '../subgraph/registered-subgraph.entity';
import { SubgraphVersion } from '../subgraph/subgraph-version.entity';
import { currentSupergraph } from '../supergraph/current-supergraph';
import { routedSubgraphs } from '../supergraph/supergraph-version.entity';
import { CheckResult } from '../checks/check-result';
import { SchemaCheck } from '../checks/schema-check.entity';
import type { RegistryContext } from './registry-context';
import { StoredCheck } from './stored-check';
import { SupergraphInfo } from './supergraph-info';

/** Reading the registry: anyone signed in (schemas are no secret inside the platform). */
@Resolver()
export class RegistryQueryResolver {
  @Authorized()
  @Query(() => [RegisteredSubgraph], { description: 'The subgraphs composed into the current supergraph' })
  subgraphs(@Ctx() { dataSource }: RegistryContext): Promise<RegisteredSubgraph[]> {
    return dataSource.getRepository(RegisteredSubgraph).find({ order: { name: 'ASC' } });
  }

  @Authorized()
  @Query(() => [SubgraphVersion], { description: "Every version of a subgraph, newest first, removals and rollbacks included" })
  subgraphHistory(@Ctx() { dataSource }: RegistryContext, @Arg('name') name: string): Promise<SubgraphVersion[]> {
    return dataSource.getRepository(SubgraphVersion).find({ where: { name }, order: { version: 'DESC' } });
  }

  @Authorized()
  @Query(() => [RegistryEvent], { description: 'The newest changes first' })
  registryEvents(@Ctx() { dataSource }: RegistryContext, @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null): Promise<RegistryEvent[]> {
    return dataSource.getRepository(RegistryEvent).find({ order: { seq: 'DESC' }, take: Math.min(Math.max(first ?? 50, 1), 500) });
  }

  @Authorized()
  @Query(() => [StoredCheck], { description: "A subgraph's checks, newest first (its CI history), each with its full result" })
  async schemaChecks(@Ctx() { dataSource }: RegistryContext, @Arg('name') name: string, @Arg('first', () => Int, { defaultValue: 20 }) first: number): Promise<StoredCheck[]> {
    const rows = await dataSource.getRepository(SchemaCheck).find({ where: { name }, order: { checkedAt: 'DESC' }, take: Math.min(Math.max(first, 1), 200) });
    return rows.map((row) => Object.assign(new StoredCheck(), row, { check: JSON.parse(row.result) as CheckResult }));
  }

  @Authorized()
  @Query(() => SupergraphInfo, { nullable: true, description: 'The current supergraph; null before the first publish' })
  async supergraph(@Ctx() { dataSource }: RegistryContext): Promise<SupergraphInfo | null> {
    const current = await currentSupergraph(dataSource.manager);
    if (!current) return null;
    return { version: current.version, id: current.id, subgraphs: routedSubgraphs(current).map((subgraph) => subgraph.name), sdl: current.supergraphSdl };
  }
}
