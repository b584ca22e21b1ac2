import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which ticket a row of an old hotline's history became: importing the same file twice creates nothing new. */
@Entity('imported_ticket')
export class ImportedTicket {
  @PrimaryColumn('varchar', { length: 40 })
  sourceSystem: string;

  @PrimaryColumn('varchar', { length: 100 })
  sourceId: string;

  @Column('varchar', { length: 36 })
  ticketId: string;

  @Column('datetime', { precision: 3 })
  importedAt: Date;
}
