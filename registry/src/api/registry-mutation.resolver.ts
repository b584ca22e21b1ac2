import { Arg, Authorized, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { CheckResult } from '../checks/check-result';
import { checkSubgraph, publishSubgraph } from '../publish/publish-subgraph';
import { PublishResult } from '../publish/publish-result';
import { removeSubgraph } from '../publish/remove-subgraph';
import { rollbackSubgraph } from '../publish/rollback-subgraph';
import type { RegistryContext } from './registry-context';
import { SubgraphInput } from './subgraph-input';

/**
 * Changing the registry. `@Authorized()` only asks for a signed-in caller;
 * which subgraphs a caller may change depends on the subgraph's department,
 * so publish/rights.ts decides inside each change.
 */
@Resolver()
export class RegistryMutationResolver {
  @Authorized()
  @Mutation(() => CheckResult, { description: 'What publishing would do; changes nothing' })
  checkSubgraph(@Ctx() context: RegistryContext, @Arg('input', () => SubgraphInput) input: SubgraphInput): Promise<CheckResult> {
    return checkSubgraph(context.dataSource, context.actor, input, context.options);
  }

  @Authorized()
  @Mutation(() => PublishResult, { description: 'ok=false and nothing changes unless it composes, keeps the contract, and breaks no used field (or is forced with a reason)' })
  publishSubgraph(@Ctx() context: RegistryContext, @Arg('input', () => SubgraphInput) input: SubgraphInput): Promise<PublishResult> {
    return publishSubgraph(context.dataSource, context.actor, input, context.options);
  }

  @Authorized()
  @Mutation(() => PublishResult, { description: "Republishes an earlier version's SDL and URL as a new version" })
  rollbackSubgraph(
    @Ctx() context: RegistryContext,
    @Arg('name') name: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason') reason: string,
  ): Promise<PublishResult> {
    return rollbackSubgraph(context.dataSource, context.actor, name, version, reason, context.options);
  }

  @Authorized()
  @Mutation(() => PublishResult, {
    description: 'Takes a subgraph out; refused when the others do not compose without it, or when a recorded operation used one of its fields (unless forced)',
  })
  removeSubgraph(
    @Ctx() context: RegistryContext,
    @Arg('name') name: string,
    @Arg('reason') reason: string,
    @Arg('force', () => Boolean, { nullable: true, defaultValue: false }) force: boolean | null,
  ): Promise<PublishResult> {
    return removeSubgraph(context.dataSource, context.actor, name, reason, context.options, Boolean(force));
  }
}
