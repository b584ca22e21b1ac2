import { randomBytes } from 'node:crypto';
import os from 'node:os';
import express from 'express';
import request from 'supertest';
import { HISTORY, SUBGRAPHS } from '../../console/src/registry/registry-queries';
import { registryProxy } from '../../gateway/src/console/registry-proxy';
import { tokenFor } from '../support/personas';
import { openRegistry } from '../support/running-registry';
import { TEST_MYSQL_URL } from '../support/stack';

/** The console's registry view goes through the gateway's /registry/graphql: same origin, the caller's own token. */
describe("the gateway's registry proxy", () => {
  const cleanups: Array<() => Promise<void>> = [];
  let app: express.Express;

  beforeAll(async () => {
    const settings = { databaseUrl: `${TEST_MYSQL_URL}/rprx${randomBytes(4).toString('hex')}`, dataDir: os.tmpdir() };
    const registry = await openRegistry(settings, cleanups);
    app = express().use('/registry/graphql', registryProxy(registry.url));
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  const query = { query: SUBGRAPHS };

  it("answers the registry view's own queries for a signed-in user", async () => {
    const token = `Bearer ${await tokenFor('systemAdmin')}`;
    const subgraphs = await request(app).post('/registry/graphql').set('authorization', token).send({ query: SUBGRAPHS }).expect(200);
    expect(subgraphs.body).toEqual({ data: { subgraphs: [] } });
    const history = await request(app).post('/registry/graphql').set('authorization', token).send({ query: HISTORY, variables: { name: 'water' } }).expect(200);
    expect(history.body).toEqual({ data: { subgraphHistory: [], schemaChecks: [] } });
  });

  it("passes the registry's refusal through when no token comes (the gateway adds no rights)", async () => {
    const response = await request(app).post('/registry/graphql').send(query);
    expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(response.body.data ?? null).toBeNull();
  });

  it('answers 404 NOT_FOUND on a gateway that follows no registry', async () => {
    const response = await request(express().use('/registry/graphql', registryProxy(null))).post('/registry/graphql').send(query).expect(404);
    expect(response.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
