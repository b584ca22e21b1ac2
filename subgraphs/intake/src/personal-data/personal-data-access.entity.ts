import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One unmasked read of a citizen's name or phone: who read it, when, under which request. */
@Entity('personal_data_access')
@Index(['ticketId', 'accessedAt'])
export class PersonalDataAccess {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  ticketId: string;

  /** `citizenName` or `citizenPhone` */
  @Column('varchar', { length: 40 })
  field: string;

  @Column('varchar', { length: 100 })
  actorId: string;

  @Column('varchar', { length: 200 })
  actorRoles: string;

  @Column('varchar', { length: 100 })
  requestId: string;

  @Column('datetime', { precision: 3 })
  accessedAt: Date;
}
