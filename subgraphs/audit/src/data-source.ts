import { openDataSource, type SubgraphDataSource } from '../../../schema/database/create-data-source';
import { type DatabaseSettings, databaseTarget } from '../../../schema/database/database-target';
import { CreateAudit1764500000000 } from './migrations/1764500000000-create-audit';
import { FeedSequence1765200000000 } from './migrations/1765200000000-feed-sequence';
import { SearchIndexes1766000000100 } from './migrations/1766000000100-search-indexes';
import { TrailEvent } from './trail/trail-event.entity';
import { TrailFeedHead } from './trail/trail-feed-head.entity';
import { TrailHead } from './trail/trail-head.entity';

export const AUDIT_ENTITIES = [TrailEvent, TrailHead, TrailFeedHead];

export function openAuditDataSource(settings: DatabaseSettings): Promise<SubgraphDataSource> {
  return openDataSource(databaseTarget('audit', settings), { entities: AUDIT_ENTITIES, migrations: [CreateAudit1764500000000, FeedSequence1765200000000, SearchIndexes1766000000100] });
}
