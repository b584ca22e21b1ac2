/** The registry view's operations on the registry's own admin API (its schema, not the client schema; a test runs them). */
export const SUBGRAPHS = `{ subgraphs { name department version routingUrl publishedBy publishedAt } }`;
export const HISTORY = `query($name: String!) {
  subgraphHistory(name: $name) { version sdl publishedBy publishedAt reason }
  schemaChecks(name: $name, first: 10) { checkedAt check { ok compositionErrors breakingChanges { message path usedBy } safeChanges warnings } }
}`;
