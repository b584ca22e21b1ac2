import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Role } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { ImportHistoryInput } from './history.input';
import { importBatch, readCatalogue } from './import-batch';

@ObjectType({ description: 'A record of the batch that became a ticket, or had become one before' })
class ImportedRecord {
  @Field(() => Int, { description: 'Its place in the batch, from 0' })
  index: number;

  @Field(() => String)
  sourceId: string;

  @Field(() => ID)
  ticketId: string;
}

@ObjectType({ description: 'A record that was not imported, with every reason' })
class RejectedRecord {
  @Field(() => Int)
  index: number;

  @Field(() => String, { nullable: true })
  sourceId: string | null;

  @Field(() => [String])
  problems: string[];
}

@ObjectType()
class ImportHistoryPayload {
  @Field(() => [ImportedRecord])
  imported: ImportedRecord[];

  @Field(() => [ImportedRecord], { description: 'Imported before (same source id): left as they were' })
  already: ImportedRecord[];

  @Field(() => [RejectedRecord])
  rejected: RejectedRecord[];
}

@Resolver()
export class HistoryResolver {
  @Authorized(Role.SYSTEM_ADMIN)
  @Mutation(() => ImportHistoryPayload, {
    description: "Bring in an old hotline's history, a small batch at a time: tickets with their original times, assignment, result and callback; idempotent per source id",
  })
  async importHistory(@Arg('input', () => ImportHistoryInput) input: ImportHistoryInput, @Ctx() context: IntakeContext): Promise<ImportHistoryPayload> {
    return importBatch(context, input.sourceSystem, input.records, await readCatalogue(context.dataSource));
  }
}
