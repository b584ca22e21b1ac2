import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum CallbackResult {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  NOT_SATISFIED = 'NOT_SATISFIED',
  UNREACHABLE = 'UNREACHABLE',
}
registerEnumType(CallbackResult, {
  name: 'CallbackResult',
  valuesConfig: {
    SATISFIED: { description: '满意' },
    BASICALLY_SATISFIED: { description: '基本满意' },
    NOT_SATISFIED: { description: '不满意: the ticket reopens' },
    UNREACHABLE: { description: '无法联系: try again later' },
  },
});

/** The centre's call back to the citizen (回访) after the departments reported. */
@Entity('callback')
@Index(['ticketId', 'calledAt'])
@ObjectType({ description: 'A callback to the citizen (回访) and what they said' })
export class Callback {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  ticketId: string;

  @Field(() => CallbackResult)
  @Column('varchar', { length: 30 })
  result: CallbackResult;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  note: string | null;

  @Field(() => String, { description: 'Who called' })
  @Column('varchar', { length: 100 })
  calledBy: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  calledAt: Date;
}
