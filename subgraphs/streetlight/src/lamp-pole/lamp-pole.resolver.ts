import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { BadInputError } from '../../../../schema/errors';
import type { StreetlightContext } from '../context';
import { LampPole, LampPoleStatus } from './lamp-pole.entity';

/** A city has tens of thousands of poles; a list beyond this belongs in an export, not a query. */
export const MAX_LAMP_POLES = 500;

@Resolver(() => LampPole)
export class LampPoleResolver {
  @Authorized()
  @Query(() => LampPole, { nullable: true, description: 'A pole by the code painted on it' })
  lampPole(@Arg('code', () => String) code: string, @Ctx() context: StreetlightContext): Promise<LampPole | null> {
    return context.dataSource.getRepository(LampPole).findOneBy({ code: code.trim() });
  }

  @Authorized()
  @Query(() => [LampPole], { description: 'Poles by code, optionally only those in one status' })
  lampPoles(
    @Ctx() context: StreetlightContext,
    @Arg('status', () => LampPoleStatus, { nullable: true }) status?: LampPoleStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null = 50,
  ): Promise<LampPole[]> {
    first ??= 50;
    if (first < 1 || first > MAX_LAMP_POLES) throw new BadInputError(`first must be between 1 and ${MAX_LAMP_POLES}`, 'first');
    return context.dataSource.getRepository(LampPole).find({
      where: status ? { status } : {},
      order: { code: 'ASC' },
      take: first,
    });
  }
}
