// throwaway: delete after use
require('reflect-metadata');
const request = require('supertest');
const { buildTransitNetwork, seedTransit } = require('./dist/seeds/transit.seed');
const { openTransitDataSource } = require('./dist/subgraphs/transit/src/data-source');
const { createTransitApp } = require('./dist/subgraphs/transit/src/server');
const { readDatabaseSettings } = require('./dist/schema/config/env');

async function main() {
  const net = buildTransitNetwork();
  const counts = {};
  for (const c of net.routeStops) counts[c.routeCode] = (counts[c.routeCode] ?? 0) + 1;
  console.log('stops', net.stops.length, 'routes', net.routes.length, 'calls', net.routeStops.length, JSON.stringify(counts));
  const perStop = {};
  for (const c of net.routeStops) (perStop[c.stopCode] ??= new Set()).add(c.routeCode);
  console.log('stops served by >1 route:', Object.values(perStop).filter((s) => s.size > 1).length);
  const names = new Set(net.stops.map((s) => s.nameZh));
  console.log('unique zh names', names.size, 'sample', net.stops.slice(0, 4).map((s) => `${s.code} ${s.nameZh}/${s.nameEn} ${s.latitude},${s.longitude}`));

  const settings = readDatabaseSettings('transit');
  const data = await openTransitDataSource(settings);
  console.log('seed 1', await seedTransit(data.dataSource));
  console.log('seed 2', await seedTransit(data.dataSource));
  const app = await createTransitApp(data.dataSource, { port: 0, database: settings, intakeUrl: () => 'http://127.0.0.1:1' });
  const gql = async (query) => (await request(app.app).post('/graphql').send({ query })).body;
  const rep = (i) => `{__typename:"Ticket",id:"t${i}",latitude:${32.3 + i * 0.001},longitude:118.32,content:"1路公交车没有按时到站 Route 1 bus late, K${1 + (i % 2)}路"}`;
  const q = (n) => `{ _entities(representations:[${Array.from({ length: n }, (_, i) => rep(i)).join(',')}]) { ... on Ticket { transit { located mentionedRoutes { code nameZh stops { code } } nearbyStops { distanceMeters stop { code nameZh nameEn routes { code } } } workOrders { id } } } } }`;
  const one = `{ _entities(representations:[{__typename:"Ticket",id:"x",latitude:32.3,longitude:118.32,content:"1路公交车没有按时到站 Route 1 bus late"}]) { ... on Ticket { transit { mentionedRoutes { code } nearbyStops { distanceMeters stop { code routes { code } } } } } } }`;
  console.log(JSON.stringify(await gql(one)));
  for (const n of [1, 5, 40]) {
    const before = data.queries.count;
    const body = await gql(q(n));
    if (body.errors) console.log(JSON.stringify(body.errors));
    console.log(`N=${n}: ${data.queries.count - before} queries`);
  }
  console.log(JSON.stringify((await gql('{ busRoutes { code nameZh firstDeparture operator } busRoute(code:"K1") { stops { nameZh } } busStop(code:"ST-0001") { nameZh routes { code } } nope: busRoute(code:"99") { code } }')).data));
  const sdl = (await gql('{ _service { sdl } }')).data._service.sdl;
  console.log(sdl.split('\n').filter((l) => /type Ticket|transit|content|@link/.test(l)).join('\n'));
  await app.stop();
  await data.dataSource.destroy();
}
main().catch((e) => { console.error(e); process.exit(1); });

// composition with the other subgraphs
if (process.env.COMPOSE) (async () => {
  const { composeSupergraph } = require('./dist/gateway/src/supergraph/compose-supergraph');
  const mods = require('./dist/tests/support/subgraph-modules');
})();
