import express from 'express';
import { listen, type Listening } from '../../../schema/http/listen';
import { developmentHopKeys } from '../../../schema/identity/hop-keys';
import { HopVerifier } from '../../../schema/identity/signed-identity';
import type { PublishedSupergraph } from './registry-client';
import { RegistrySupergraphManager } from './registry-supergraph-manager';

const verifier = new HopVerifier(developmentHopKeys('registry'));
const version = (n: number): PublishedSupergraph => ({ version: n, id: `id-${n}`, supergraphSdl: `sdl ${n}`, subgraphs: [{ name: 'intake', url: 'http://x/graphql' }] });

/** A stand-in registry: serves `published` (404 while null, 500 while `broken`) to signed callers only. */
let published: PublishedSupergraph | null;
let broken: boolean;
let registry: Listening | null;
const app = express();
app.get('/supergraph', async (req, res) => {
  await verifier.verify(req.headers, { method: 'GET', query: req.path });
  if (broken) return res.status(500).json({});
  return published ? res.json(published) : res.status(404).json({});
});

const applied: string[] = [];
let healthy: boolean;
const hooks = {
  update: (sdl: string) => void applied.push(sdl),
  healthCheck: async (sdl: string) => {
    if (!healthy) throw new Error(`[gardens]: connect ECONNREFUSED (${sdl})`);
  },
  getDataSource: () => {
    throw new Error('not used');
  },
};

beforeEach(async () => {
  published = version(1);
  broken = false;
  healthy = true;
  applied.length = 0;
  registry = await listen(app, 0);
});
afterEach(() => registry?.close());

const manager = () => new RegistrySupergraphManager({ url: registry!.url, pollMs: 0, hopKeys: developmentHopKeys('gateway') });

describe('RegistrySupergraphManager', () => {
  it('starts from the published supergraph and moves to a new version once its subgraphs answer', async () => {
    const subject = manager();
    const { supergraphSdl, cleanup } = await subject.initialize(hooks);
    expect(supergraphSdl).toBe('sdl 1');
    published = version(2);
    healthy = false;
    await subject.poll();
    expect(applied).toEqual([]);
    expect(subject.state()).toMatchObject({ version: 1, registry: 'up', lastError: expect.stringContaining('version 2 not applied') });
    healthy = true;
    await subject.poll();
    expect(applied).toEqual(['sdl 2']);
    expect(subject.state()).toEqual({ source: 'registry', version: 2, id: 'id-2', registry: 'up', lastError: null });
    await subject.poll();
    expect(applied).toEqual(['sdl 2']);
    await cleanup!();
  });

  it('keeps the last good supergraph while the registry fails or is gone, and says so', async () => {
    const subject = manager();
    await subject.initialize(hooks);
    broken = true;
    await subject.poll();
    expect(subject.state()).toMatchObject({ version: 1, registry: 'unreachable', lastError: expect.stringContaining('HTTP 500') });
    await registry!.close();
    registry = null;
    await subject.poll();
    expect(subject.state()).toMatchObject({ version: 1, registry: 'unreachable' });
    expect(applied).toEqual([]);
  });

  it('refuses to start before anything is published', async () => {
    published = null;
    await expect(manager().initialize(hooks)).rejects.toThrow(/no supergraph yet/);
  });
});
