import { buildSchema, graphql } from 'graphql';
import { canMerge, mergeFetches } from './merge-fetches';

// a subgraph that answers entity fetches: products by upc, and a `broken` field that fails for one of them
const schema = buildSchema(`
  scalar _Any
  union _Entity = Product
  type Product { upc: String! name: String price(currency: String): Int broken: String }
  type Query { _entities(representations: [_Any!]!): [_Entity]! topProducts(first: Int): [Product] }
`);
const products: Record<string, { upc: string; name: string; price: number }> = {
  '1': { upc: '1', name: 'Table', price: 899 },
  '2': { upc: '2', name: 'Couch', price: 1299 },
  '3': { upc: '3', name: 'Chair', price: 54 },
};
const rootValue = {
  _entities: ({ representations }: { representations: Array<{ upc: string }> }) =>
    representations.map(({ upc }) => ({
      __typename: 'Product',
      ...products[upc],
      price: ({ currency }: { currency?: string }) => (currency === 'CNY' ? products[upc].price * 7 : products[upc].price),
      broken: () => {
        if (upc === '2') throw new Error('no stock record for 2');
        return 'fine';
      },
    })),
  topProducts: ({ first }: { first: number }) => Object.values(products).slice(0, first),
};
const resolveType = { Product: 'Product' };
const run = async (query: string, variables: Record<string, unknown> = {}) =>
  JSON.parse(JSON.stringify(await graphql({ schema, source: query, variableValues: variables, rootValue, typeResolver: () => resolveType.Product })));

// fetches as the query planner writes them: each declares $representations, one shares a fragment name with another
const byName = {
  query: 'query Q__products__1($representations:[_Any!]!){_entities(representations:$representations){...on Product{name}}}',
  variables: { representations: [{ __typename: 'Product', upc: '1' }, { __typename: 'Product', upc: '3' }] },
};
const byPrice = {
  query: 'query Q__products__2($representations:[_Any!]!,$currency:String){_entities(representations:$representations){..._generated_onProduct1_0}}fragment _generated_onProduct1_0 on Product{price(currency:$currency) broken}',
  variables: { representations: [{ __typename: 'Product', upc: '2' }], currency: 'CNY' },
};
const top = { query: 'query Q__products__0($first:Int){tops: topProducts(first:$first){..._generated_onProduct1_0}}fragment _generated_onProduct1_0 on Product{upc}', variables: { first: 2 } };

describe('merging the fetches planned side by side for one subgraph', () => {
  it('gives every fetch exactly the answer it gets when sent alone, from one request', async () => {
    const fetches = [byName, byPrice, top];
    // locations point into the text a subgraph was sent: the merged one's mean nothing to a fetch, so none are passed on
    const withoutLocations = (answer: { data?: unknown; errors?: Array<{ locations?: unknown }> }) =>
      answer.errors ? { ...answer, errors: answer.errors.map(({ locations: _, ...error }) => error) } : answer;
    const alone = (await Promise.all(fetches.map((fetch) => run(fetch.query, fetch.variables)))).map(withoutLocations);
    const merged = mergeFetches(fetches);
    const answer = await run(merged.query, merged.variables);
    expect(merged.split(answer)).toEqual(alone);
    // what alone looks like, so the comparison above is not between two empty answers
    expect(alone[0]).toEqual({ data: { _entities: [{ name: 'Table' }, { name: 'Chair' }] } });
    expect(alone[1].data).toEqual({ _entities: [{ price: 9093, broken: null }] });
    expect(alone[1].errors).toEqual([expect.objectContaining({ message: 'no stock record for 2', path: ['_entities', 0, 'broken'] })]);
    expect(alone[2]).toEqual({ data: { tops: [{ upc: '1' }, { upc: '2' }] } });
  });

  it('writes the merged operation once per combination, with every name of each fetch its own', () => {
    const merged = mergeFetches([byName, byPrice]);
    expect(merged.query).toContain('$b0_representations: [_Any!]!');
    expect(merged.query).toContain('$b1_currency: String');
    expect(merged.query).toContain('fragment b1__generated_onProduct1_0 on Product');
    expect(merged.variables).toEqual({ b0_representations: byName.variables.representations, b1_representations: byPrice.variables.representations, b1_currency: 'CNY' });
    expect(mergeFetches([byName, byPrice]).query).toBe(merged.query);
  });

  it('gives an error that names no fetch (the request failed as a whole) to every fetch, with no data when there was none', () => {
    const merged = mergeFetches([byName, top]);
    expect(merged.split({ errors: [{ message: 'Subgraph errors redacted' }] })).toEqual([{ errors: [{ message: 'Subgraph errors redacted' }] }, { errors: [{ message: 'Subgraph errors redacted' }] }]);
    expect(merged.split({ data: null, errors: [{ message: 'boom', path: ['b1_tops'] }] })).toEqual([{ data: null }, { data: null, errors: [{ message: 'boom', path: ['tops'] }] }]);
  });

  it('leaves alone what it cannot merge: mutations, several operations, fragments at the root, bad text', () => {
    expect(canMerge(byName.query)).toBe(true);
    expect(canMerge('mutation M { createTicket(input: {}) { id } }')).toBe(false);
    expect(canMerge('query A { a } query B { b }')).toBe(false);
    expect(canMerge('query A { ...Root } fragment Root on Query { a }')).toBe(false);
    expect(canMerge('query A @cached { a }')).toBe(false);
    expect(canMerge('query {')).toBe(false);
  });
});
