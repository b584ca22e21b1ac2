/** The admin API operations the CLI sends; named, so the registry's own usage and logs can tell them apart. */
const CHECK_FIELDS = 'ok compositionErrors breakingChanges { message path usedBy } safeChanges warnings contractViolations catalogueViolations serviceViolations';
const PUBLISH_FIELDS = `ok version supergraphVersion check { ${CHECK_FIELDS} }`;

export const CHECK = `mutation SubgraphCliCheck($input: SubgraphInput!) { checkSubgraph(input: $input) { check { ${CHECK_FIELDS} } } }`;
export const PUBLISH = `mutation SubgraphCliPublish($input: SubgraphInput!) { publishSubgraph(input: $input) { ${PUBLISH_FIELDS} } }`;
export const ROLLBACK = `mutation SubgraphCliRollback($input: RollbackSubgraphInput!) { rollbackSubgraph(input: $input) { ${PUBLISH_FIELDS} } }`;
export const REMOVE = `mutation SubgraphCliRemove($input: RemoveSubgraphInput!) { removeSubgraph(input: $input) { ${PUBLISH_FIELDS} } }`;
export const LIST = `query SubgraphCliList {
  subgraphs { name department version routingUrl publishedBy publishedAt }
  supergraph { version id }
}`;
export const HISTORY = `query SubgraphCliHistory($name: String!) {
  subgraphHistory(name: $name) { version action routingUrl publishedBy publishedAt forced reason gitCommit gitBranch gitAuthor }
}`;
export const CHECKS = `query SubgraphCliChecks($name: String!, $first: Int!) {
  schemaChecks(name: $name, first: $first) { id ok checkedBy checkedAt gitCommit gitBranch gitAuthor check { ${CHECK_FIELDS} } }
}`;
export const FETCH_SUBGRAPH = 'query SubgraphCliFetch { subgraphs { name version sdl } }';
export const FETCH_SUPERGRAPH = 'query SubgraphCliFetchSupergraph { supergraph { version sdl } }';
