import { type Stack, startStack } from '../support/stack';
let stack: Stack;
beforeAll(async () => { stack = await startStack(); });
afterAll(async () => { await stack?.close(); });
it('probe', async () => {
  for (const [q, opts] of [['{ departments { code } }', { as: null }], ['{ tickets(first: 1) { totalCount } }', { as: null }], ['{ departments { code } }', { as: null, headers: { authorization: 'Bearer abc.def' } }], ['{ departments { code } }', { as: null, headers: { authorization: 'Bearer' } }]] as const) {
    const r = await stack.graphql(q, {}, opts as any);
    console.log(q, r.status, JSON.stringify(r.body));
  }
});
