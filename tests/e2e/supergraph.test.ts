import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from '../../schema/federation/compose-supergraph';
import { fetchSubgraphSdl } from '../../schema/federation/fetch-subgraph-sdl';
import { testKeys } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

const CHECKED_IN = path.resolve(__dirname, '../../schema/supergraph.graphql');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

/** Subgraph URLs differ per run; the checked-in file uses the default local ports. */
const DEFAULT_URLS: Record<string, string> = {
  intake: 'http://127.0.0.1:4001/graphql',
  water: 'http://127.0.0.1:4002/graphql',
  streetlight: 'http://127.0.0.1:4003/graphql',
  transit: 'http://127.0.0.1:4004/graphql',
  audit: 'http://127.0.0.1:4005/graphql',
};

describe('the checked-in supergraph', () => {
  it('is exactly what composing the running subgraphs produces', async () => {
    const sdls = await Promise.all(Object.entries(stack.subgraphs).map(([name, running]) => fetchSubgraphSdl(name, running.url, testKeys('registry'))));
    const composition = composeSupergraph(sdls.map((sdl) => ({ ...sdl, url: DEFAULT_URLS[sdl.name] })));
    if (composition.kind === 'failure') throw new Error(composition.errors.join('\n'));
    if (process.env.UPDATE_SUPERGRAPH === '1') fs.writeFileSync(CHECKED_IN, composition.supergraphSdl);
    expect(fs.readFileSync(CHECKED_IN, 'utf8')).toBe(composition.supergraphSdl);
  });
});
