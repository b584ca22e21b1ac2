import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Each composed supergraph, kept whole. `version` is the primary key on
 * purpose: two changes composed from the same state both try to write the
 * next version, and the database lets only one of them commit.
 */
@Entity('supergraph_version')
export class SupergraphVersion {
  @PrimaryColumn('int')
  version: number;

  /** sha256 of the SDL: the gateway and operators can tell two supergraphs apart at a glance. */
  @Column('varchar', { length: 64 })
  id: string;

  @Column('text')
  supergraphSdl: string;

  /** JSON `[{ name, url }]`: where the gateway routes each subgraph. */
  @Column('text')
  subgraphs: string;

  @Column('datetime', { precision: 3 })
  createdAt: Date;
}

export interface RoutedSubgraph {
  name: string;
  url: string;
}

export const routedSubgraphs = (row: SupergraphVersion): RoutedSubgraph[] => JSON.parse(row.subgraphs) as RoutedSubgraph[];
