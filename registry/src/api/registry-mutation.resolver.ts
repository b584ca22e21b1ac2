import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { checkSubgraph, publishSubgraph } from '../publish/publish-subgraph';
import type { PublishResult } from '../publish/publish-result';
import { removeSubgraph } from '../publish/remove-subgraph';
import { rollbackSubgraph } from '../publish/rollback-subgraph';
import type { RegistryContext } from './registry-context';
import { RemoveSubgraphInput, RollbackSubgraphInput } from './registry-mutation.input';
import { CheckSubgraphPayload, PublishSubgraphPayload, RemoveSubgraphPayload, RollbackSubgraphPayload } from './registry-mutation.payload';
import { SubgraphInput } from './subgraph-input';

/**
 * Changing the registry. `@Authorized()` only asks for a signed-in caller;
 * which subgraphs a caller may change depends on the subgraph's department,
 * so publish/rights.ts decides inside each change.
 */
@Resolver()
export class RegistryMutationResolver {
  @Authorized()
  @Mutation(() => CheckSubgraphPayload, { description: 'What publishing would do; changes nothing' })
  async checkSubgraph(@Ctx() context: RegistryContext, @Arg('input', () => SubgraphInput) input: SubgraphInput): Promise<CheckSubgraphPayload> {
    return { check: await checkSubgraph(context.dataSource, context.actor, input, context.options) };
  }

  @Authorized()
  @Mutation(() => PublishSubgraphPayload, { description: 'ok=false and nothing changes unless it composes, keeps the contract, and breaks no used field (or is forced with a reason)' })
  publishSubgraph(@Ctx() context: RegistryContext, @Arg('input', () => SubgraphInput) input: SubgraphInput): Promise<PublishResult> {
    return publishSubgraph(context.dataSource, context.actor, input, context.options);
  }

  @Authorized()
  @Mutation(() => RollbackSubgraphPayload, { description: "Republishes an earlier version's SDL and URL as a new version" })
  rollbackSubgraph(@Ctx() context: RegistryContext, @Arg('input', () => RollbackSubgraphInput) input: RollbackSubgraphInput): Promise<PublishResult> {
    return rollbackSubgraph(context.dataSource, context.actor, input.name, input.version, input.reason, context.options);
  }

  @Authorized()
  @Mutation(() => RemoveSubgraphPayload, {
    description: 'Takes a subgraph out; refused when the others do not compose without it, or when a recorded operation used one of its fields (unless forced)',
  })
  removeSubgraph(@Ctx() context: RegistryContext, @Arg('input', () => RemoveSubgraphInput) input: RemoveSubgraphInput): Promise<PublishResult> {
    return removeSubgraph(context.dataSource, context.actor, input.name, input.reason, context.options, Boolean(input.force));
  }
}
